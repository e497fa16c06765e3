using CareStream.Auth.Data;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;

namespace CareStream.Auth.Audit;

/// <summary>Appends AuditEvents to <c>auth.audit_event</c>. There is deliberately no update or delete method.</summary>
public sealed class AuditEventStore(IDbContextFactory<AuthDbContext> contexts)
{
    private static readonly FhirJsonSerializer Serializer = new();

    public async Task AppendAsync(AuditAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var audit = AuditEventBuilder.Build(access);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(new AuditEventRecord
        {
            Id = access.Id,
            Recorded = access.Recorded,
            Kind = AuditEventBuilder.ProfileName(access),
            Outcome = AuditEventBuilder.OutcomeCode(access.HttpStatus),
            AgentWho = access.AgentWho,
            ClientId = access.ClientId,
            PatientId = access.PatientId,
            TraceId = access.TraceId,
            Resource = Serializer.SerializeToString(audit),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
