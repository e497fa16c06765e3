using CareStream.Messaging.Consuming;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CareStream.Messaging.Health;

/// <summary>
/// Readiness (<c>kafka-consumers</c>, tag <c>ready</c>): healthy when every registered consumer is
/// polling (<see cref="KafkaConsumerState.Running"/>) or owns partitions (<see cref="KafkaConsumerState.Assigned"/>).
/// </summary>
public sealed class KafkaConsumersHealthCheck(KafkaConsumerStates states) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = states.All;
        var data = all.ToDictionary(s => s.Name, s => (object)$"{s.State} ({s.AssignedPartitions} partitions)");
        var notReady = all.Where(s => s.State is not (KafkaConsumerState.Running or KafkaConsumerState.Assigned)).ToList();
        var result = notReady.Count == 0
            ? HealthCheckResult.Healthy($"{all.Count} consumer(s) running.", data)
            : HealthCheckResult.Unhealthy(
                "Consumers not running: " + string.Join(", ", notReady.Select(s => $"{s.Name} is {s.State}")) + ".", data: data);
        return Task.FromResult(result);
    }
}
