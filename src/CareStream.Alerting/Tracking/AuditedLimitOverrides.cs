using System.Data.Common;
using System.Text.Json;
using CareStream.Alerting.Commands;
using CareStream.Domain;
using CareStream.Storage.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.Tracking;

/// <summary>
/// Restores per-patient limit overrides from the durable audit <c>patient_limit_change</c> (written by the store
/// role from the same <c>limits</c> commands), so an override older than <c>Alerting:ChartingLookback</c> (or the
/// command topic's retention) is still in force after a restart or rebalance. Each row carries the command's
/// partition and offset; <see cref="RestoredState.AddLimits"/> keeps the highest offset per patient, so a command
/// newer than the table (the store role lags) wins, and an older one replayed from the topic does not undo it.
/// Without a database (a rules-only process with no <c>ConnectionStrings:CareStream</c>) it restores nothing.
/// </summary>
internal sealed class AuditedLimitOverrides(IServiceProvider services, IOptions<AlertingOptions> options, ILogger<AuditedLimitOverrides> logger)
{
    private readonly PatientLimitChangeStore? _store = PatientLimitChangeStore.FromServices(services);

    public void AddTo(RestoredState state, IReadOnlyList<int> partitions)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_store is null)
        {
            Log.LimitAuditUnavailable(logger);
            return;
        }

        IReadOnlyList<PatientLimitChange> changes;
        try
        {
            // Runs in the rebalance callback (synchronous, like the Kafka read-back), bounded by the restore timeout.
            using var timeout = new CancellationTokenSource(options.Value.RestoreTimeout);
            changes = _store.LatestByPartitionAsync(partitions, timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is DbException or OperationCanceledException or TimeoutException)
        {
            Log.LimitAuditFailed(logger, ex);
            return;
        }

        foreach (var change in changes)
        {
            try
            {
                using var document = JsonDocument.Parse(change.NewOverrides);
                var overrides = LimitOverridesJson.Parse(document.RootElement);
                state.AddLimits(change.KafkaPartition, change.KafkaOffset, new PatientId(change.PatientId), overrides);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                Log.LimitAuditRowSkipped(logger, ex, change.CommandId, change.PatientId);
            }
        }
    }
}
