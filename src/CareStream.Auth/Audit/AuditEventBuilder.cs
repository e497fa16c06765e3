using System.Text;
using Hl7.Fhir.Model;

namespace CareStream.Auth.Audit;

/// <summary>
/// Builds FHIR R4 AuditEvents shaped after IHE Basic Audit Log Patterns (BALP) 1.1, server side: Read, Query,
/// PatientRead, PatientQuery, Create, Update, Delete (and their Patient* forms). Pure: no clock, no I/O.
/// </summary>
public static class AuditEventBuilder
{
    public const string BalpBase = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";
    private const string Dcm = "http://dicom.nema.org/resources/ontology/DCM";
    private const string EntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";

    /// <summary>System of the second AuditEvent.subtype coding naming the operation or API command.</summary>
    public const string OperationSystem = "urn:carestream:operation";

    /// <summary>System of the agent role coding (the token's <c>role</c> claim).</summary>
    public const string RoleSystem = "urn:carestream:role";

    /// <summary>The BALP profile name for an access (e.g. <c>PatientQuery</c>); also the <c>kind</c> column.</summary>
    public static string ProfileName(AuditAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var basic = access.Interaction switch
        {
            AuditInteraction.Read or AuditInteraction.VRead => "Read",
            _ when IsQuery(access.Interaction) => "Query",
            AuditInteraction.Create => "Create",
            AuditInteraction.Update or AuditInteraction.Patch => "Update",
            _ => "Delete",
        };
        return access.PatientId is null ? basic : "Patient" + basic;
    }

    public static AuditEvent Build(AuditAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var isQuery = IsQuery(access.Interaction);
        var audit = new AuditEvent
        {
            Id = access.Id.ToString("N"),
            Meta = new Meta { Profile = [BalpBase + ProfileName(access)] },
            Type = new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"),
            Subtype = [.. Subtypes(access)],
            Action = Action(access.Interaction),
            Recorded = access.Recorded,
            Outcome = Outcome(access.HttpStatus),
            OutcomeDesc = access.HttpStatus >= 400 ? $"HTTP {access.HttpStatus}" : null,
            Agent = [.. Agents(access)],
            Source = new AuditEvent.SourceComponent
            {
                Observer = new ResourceReference { Identifier = new Identifier("urn:carestream:server", access.ServerId) },
                Type = [new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server")],
            },
        };
        if (access.BreakGlassReason is not null)
        {
            audit.PurposeOfEvent = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActReason", "BTG", "break the glass", access.BreakGlassReason)];
        }

        audit.Entity.AddRange(Entities(access, isQuery));
        return audit;
    }

    /// <summary>Search, subscription, history and operations are BALP queries (action E, a query entity).</summary>
    public static bool IsQuery(AuditInteraction interaction) =>
        interaction is AuditInteraction.Search or AuditInteraction.Subscribe or AuditInteraction.History or AuditInteraction.Operation;

    private static IEnumerable<Coding> Subtypes(AuditAccess access)
    {
        yield return new Coding("http://hl7.org/fhir/restful-interaction", Subtype(access.Interaction));
        if (access.Operation is not null)
        {
            yield return new Coding(OperationSystem, access.Operation);
        }
    }

    private static IEnumerable<AuditEvent.AgentComponent> Agents(AuditAccess access)
    {
        // A client acting for itself (client credentials: sub = client_id) is the requestor; otherwise the user is.
        var userIsClient = access.ClientId is not null && access.ClientId == access.AgentWho;
        yield return new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(Dcm, "110153", "Source Role ID"),
            Who = new ResourceReference { Identifier = new Identifier("urn:carestream:client", access.ClientId ?? "unknown") },
            Requestor = userIsClient,
            Role = userIsClient ? Roles(access) : [],
            Network = access.SourceAddress is null
                ? null
                : new AuditEvent.NetworkComponent { Address = access.SourceAddress, Type = AuditEvent.AuditEventAgentNetworkType.N2 },
        };
        yield return new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(Dcm, "110152", "Destination Role ID"),
            Who = new ResourceReference { Identifier = new Identifier("urn:carestream:server", access.ServerId) },
            Requestor = false,
        };
        if (!userIsClient)
        {
            yield return new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user"),
                Who = new ResourceReference { Identifier = new Identifier("urn:carestream:user", access.AgentWho) },
                Requestor = true,
                Role = Roles(access),
            };
        }
    }

    private static List<CodeableConcept> Roles(AuditAccess access) =>
        access.Role is null ? [] : [new CodeableConcept(RoleSystem, access.Role)];

    private static IEnumerable<AuditEvent.EntityComponent> Entities(AuditAccess access, bool isQuery)
    {
        if (access.TraceId is not null)
        {
            yield return new AuditEvent.EntityComponent
            {
                What = new ResourceReference { Identifier = new Identifier(null, access.TraceId) },
                Type = new Coding("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType", "XrequestId"),
            };
        }

        if (access.PatientId is not null)
        {
            yield return new AuditEvent.EntityComponent
            {
                What = new ResourceReference("Patient/" + access.PatientId),
                Type = new Coding(EntityType, "1", "Person"),
                Role = new Coding(ObjectRole, "1", "Patient"),
            };
        }

        if (isQuery)
        {
            yield return new AuditEvent.EntityComponent
            {
                Type = new Coding(EntityType, "2", "System Object"),
                Role = new Coding(ObjectRole, "24", "Query"),
                Query = Encoding.UTF8.GetBytes($"{access.ResourceType}?{access.Query ?? ""}"),
            };
        }

        if (access.ResourceId is not null && !(access.ResourceType == "Patient" && access.ResourceId == access.PatientId))
        {
            yield return new AuditEvent.EntityComponent
            {
                What = new ResourceReference($"{access.ResourceType}/{access.ResourceId}"),
                Type = new Coding(EntityType, "2", "System Object"),
                Role = new Coding(ObjectRole, "4", "Domain Resource"),
            };
        }
    }

    /// <summary>The http://hl7.org/fhir/restful-interaction code of an interaction (AuditEvent.subtype).</summary>
    public static string Subtype(AuditInteraction interaction) => interaction switch
    {
        AuditInteraction.Read => "read",
        AuditInteraction.VRead => "vread",
        AuditInteraction.Search or AuditInteraction.Subscribe => "search-type",
        AuditInteraction.History => "history-instance",
        AuditInteraction.Operation => "operation",
        AuditInteraction.Create => "create",
        AuditInteraction.Update => "update",
        AuditInteraction.Patch => "patch",
        _ => "delete",
    };

    private static AuditEvent.AuditEventAction Action(AuditInteraction interaction) => interaction switch
    {
        AuditInteraction.Read or AuditInteraction.VRead => AuditEvent.AuditEventAction.R,
        _ when IsQuery(interaction) => AuditEvent.AuditEventAction.E,
        AuditInteraction.Create => AuditEvent.AuditEventAction.C,
        AuditInteraction.Update or AuditInteraction.Patch => AuditEvent.AuditEventAction.U,
        _ => AuditEvent.AuditEventAction.D,
    };

    /// <summary>The AuditEvent.outcome code for an HTTP status: "0", "4" or "8".</summary>
    public static string OutcomeCode(int status) => status switch
    {
        < 400 => "0",
        < 500 => "4",
        _ => "8",
    };

    /// <summary>BALP: 0 success, 4 minor failure (client error, including 401/403), 8 serious failure (server error).</summary>
    private static AuditEvent.AuditEventOutcome Outcome(int status) => status switch
    {
        < 400 => AuditEvent.AuditEventOutcome.N0,
        < 500 => AuditEvent.AuditEventOutcome.N4,
        _ => AuditEvent.AuditEventOutcome.N8,
    };
}
