using CareStream.Auth.Data;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CareStream.Auth.Audit;

/// <summary>Appends AuditEvents to <c>auth.audit_event</c>. There is deliberately no update or delete method.</summary>
public sealed class AuditEventStore(IDbContextFactory<AuthDbContext> contexts)
{
    // One statement (hence one transaction) per batch; ON CONFLICT makes a retried batch idempotent by event id.
    private const string InsertBatch = """
        INSERT INTO auth.audit_event (id, recorded, kind, outcome, agent_who, client_id, patient_id, trace_id, resource)
        SELECT id, recorded, kind, outcome, agent_who, client_id, patient_id, trace_id, resource::jsonb
        FROM unnest(@id, @recorded, @kind, @outcome, @agent_who, @client_id, @patient_id, @trace_id, @resource)
            AS t(id, recorded, kind, outcome, agent_who, client_id, patient_id, trace_id, resource)
        ON CONFLICT (id) DO NOTHING
        """;

    private static readonly FhirJsonSerializer Serializer = new();

    public Task AppendAsync(AuditAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        return AppendBatchAsync([access], cancellationToken);
    }

    /// <summary>
    /// Inserts <paramref name="batch"/> in one multi-row statement: all rows or none. Safe to retry after a failure
    /// (an event already stored is skipped by its id).
    /// </summary>
    public async Task AppendBatchAsync(IReadOnlyList<AuditAccess> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            InsertBatch,
            [
                Array("id", NpgsqlDbType.Uuid, batch, a => a.Id),
                Array("recorded", NpgsqlDbType.TimestampTz, batch, a => a.Recorded.ToUniversalTime()),
                Array("kind", NpgsqlDbType.Text, batch, AuditEventBuilder.ProfileName),
                Array("outcome", NpgsqlDbType.Text, batch, a => AuditEventBuilder.OutcomeCode(a.HttpStatus)),
                Array("agent_who", NpgsqlDbType.Text, batch, a => a.AgentWho),
                Array("client_id", NpgsqlDbType.Text, batch, a => a.ClientId),
                Array("patient_id", NpgsqlDbType.Text, batch, a => a.PatientId),
                Array("trace_id", NpgsqlDbType.Text, batch, a => a.TraceId),
                Array("resource", NpgsqlDbType.Text, batch, a => Serializer.SerializeToString(AuditEventBuilder.Build(a))),
            ],
            cancellationToken);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IReadOnlyList<AuditAccess> batch, Func<AuditAccess, T> value) =>
        new(name, NpgsqlDbType.Array | type) { Value = batch.Select(value).ToArray() };
}
