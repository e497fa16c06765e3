using System.Text;
using CareStream.Auth.Audit;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace CareStream.Auth.UnitTests.Audit;

/// <summary>
/// Guide S6: the BALP shape (agents, patient entity, outcome, base64 query, trace id) and 0 errors from the Firely
/// validator against the R4 core AuditEvent definition (offline; the BALP package itself is not shipped here).
/// </summary>
public sealed class AuditEventBuilderTests
{
    private static readonly Lazy<Validator> CoreValidator = new(() =>
    {
        // The core zip has snapshots already; the corrections resolver fixes ref-1 on identifier-only references
        // (firely-validator-api#366), which BALP uses for every agent.
        var resolver = new CachedResolver(new Firely.Fhir.Validation.Compilation.StructureDefinitionCorrectionsResolver(ZipSource.CreateValidationSource()));
        return new Validator(resolver.AsAsync(), new LocalTerminologyService(resolver.AsAsync(), new ValueSetExpanderSettings()));
    });

    private static readonly DateTimeOffset At = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<AuditInteraction, string?, int, string> Profiles => new()
    {
        { AuditInteraction.Read, null, 200, "Read" },
        { AuditInteraction.Read, "pat-1", 200, "PatientRead" },
        { AuditInteraction.Search, null, 200, "Query" },
        { AuditInteraction.Search, "pat-1", 200, "PatientQuery" },
        { AuditInteraction.Search, "pat-1", 403, "PatientQuery" },
        { AuditInteraction.Read, "pat-1", 401, "PatientRead" },
        { AuditInteraction.Subscribe, null, 200, "Query" },
        { AuditInteraction.Create, "pat-1", 201, "PatientCreate" },
        { AuditInteraction.Delete, null, 500, "Delete" },
        { AuditInteraction.VRead, "pat-1", 200, "PatientRead" },
        { AuditInteraction.History, null, 200, "Query" },
        { AuditInteraction.Patch, "pat-1", 200, "PatientUpdate" },
        { AuditInteraction.Operation, "pat-1", 202, "PatientQuery" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void GivenAccess_WhenBuilt_ThenValidAgainstCoreAndProfileNamed(AuditInteraction interaction, string? patient, int status, string profile)
    {
        var access = Access(interaction, patient, status);

        var audit = AuditEventBuilder.Build(access);
        // BALP's own StructureDefinitions are not packaged offline: validate the claimed-profile-free copy against core.
        var core = (AuditEvent)audit.DeepCopy();
        core.Meta = null;
        var outcome = CoreValidator.Value.Validate(core);

        Assert.True(outcome.Success, string.Join("; ", outcome.Issue.Select(i => $"{i.Severity} {i.Details?.Text} @ {string.Join(",", i.Expression ?? [])}")));
        Assert.Equal(AuditEventBuilder.BalpBase + profile, Assert.Single(audit.Meta!.Profile));
        Assert.Equal(AuditEventBuilder.OutcomeCode(status), audit.Outcome switch
        {
            AuditEvent.AuditEventOutcome.N0 => "0",
            AuditEvent.AuditEventOutcome.N4 => "4",
            _ => "8",
        });
    }

    [Fact]
    public void GivenPatientSearchByUser_WhenBuilt_ThenCarriesAgentsPatientQueryAndTraceId()
    {
        var access = Access(AuditInteraction.Search, "pat-42", 200) with { Query = "patient=pat-42&category=vital-signs" };

        var audit = AuditEventBuilder.Build(access);

        Assert.Equal(AuditEvent.AuditEventAction.E, audit.Action);
        Assert.Contains(audit.Agent, a => a.Type!.Coding[0].Code == "110153" && a.Who!.Identifier!.Value == "carestream-dashboard");
        Assert.Contains(audit.Agent, a => a.Type!.Coding[0].Code == "110152" && a.Who!.Identifier!.Value == "carestream-api-1");
        Assert.Contains(audit.Agent, a => a.Requestor == true && a.Who!.Identifier!.Value == "usr-nurse-anna");
        Assert.Contains(audit.Entity, e => e.Role?.Code == "1" && e.What?.Reference == "Patient/pat-42");
        var query = Assert.Single(audit.Entity, e => e.Role?.Code == "24");
        Assert.Equal("Observation?patient=pat-42&category=vital-signs", Encoding.UTF8.GetString(query.Query!));
        Assert.Contains(audit.Entity, e => e.Type?.Code == "XrequestId" && e.What?.Identifier?.Value == "4bf92f3577b34da6a3ce929d0e0e4736");
    }

    [Fact]
    public void GivenBreakGlassReason_WhenBuilt_ThenPurposeOfEventIsBtg()
    {
        var access = Access(AuditInteraction.Read, "pat-9", 200) with { BreakGlassReason = "cardiac arrest in corridor" };

        var audit = AuditEventBuilder.Build(access);

        Assert.Equal("BTG", Assert.Single(audit.PurposeOfEvent).Coding[0].Code);
    }

    [Fact]
    public void GivenUserTokenWithoutClientIdAndACommand_WhenBuilt_ThenValidWithUserRoleAddressAndOperation()
    {
        var access = Access(AuditInteraction.Operation, "pat-3", 202) with
        {
            ResourceType = "Flag", ResourceId = "ep-1", ClientId = null, Role = "nurse", SourceAddress = "10.0.0.7", Operation = "acknowledge",
        };

        var audit = AuditEventBuilder.Build(access);
        var core = (AuditEvent)audit.DeepCopy();
        core.Meta = null;
        var outcome = CoreValidator.Value.Validate(core);

        Assert.True(outcome.Success, string.Join("; ", outcome.Issue.Select(i => $"{i.Severity} {i.Details?.Text}")));
        var user = Assert.Single(audit.Agent, a => a.Requestor == true);
        Assert.Equal("usr-nurse-anna", user.Who!.Identifier!.Value);
        Assert.Equal("nurse", Assert.Single(user.Role).Coding[0].Code);
        Assert.Equal("10.0.0.7", Assert.Single(audit.Agent, a => a.Network is not null).Network!.Address);
        Assert.Equal(["operation", "acknowledge"], audit.Subtype.Select(c => c.Code));
        Assert.Contains(audit.Entity, e => e.What?.Reference == "Flag/ep-1");
    }

    private static AuditAccess Access(AuditInteraction interaction, string? patient, int status) => new(
        Guid.Parse("0b7e6c1e-5c55-4d4b-9d8e-1b2a3c4d5e6f"), At, interaction, "Observation",
        interaction is AuditInteraction.Read or AuditInteraction.Delete ? "obs-1" : null, patient,
        interaction is AuditInteraction.Search or AuditInteraction.Subscribe ? "patient=pat-1" : null,
        "usr-nurse-anna", "carestream-dashboard", status, "4bf92f3577b34da6a3ce929d0e0e4736", "carestream-api-1");
}
