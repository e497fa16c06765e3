using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging.Health;

/// <summary>
/// Readiness (<c>kafka</c>, tag <c>ready</c>): a metadata request against the cluster within
/// <see cref="KafkaOptions.HealthCheckTimeout"/>. Unhealthy when no broker answers.
/// </summary>
public sealed class KafkaHealthCheck(IKafkaCluster cluster, IOptions<KafkaOptions> options) : IHealthCheck, IDisposable
{
    private readonly Lock _gate = new();
    private IAdminClient? _admin;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.HealthCheckTimeout;
        try
        {
            var admin = Admin();
            // GetMetadata blocks; keep it off the caller's thread.
            var metadata = await Task.Run(() => admin.GetMetadata(timeout), cancellationToken);
            var data = new Dictionary<string, object> { ["brokers"] = metadata.Brokers.Count, ["topics"] = metadata.Topics.Count };
            return metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"Kafka at {cluster.BootstrapServers} answered with {metadata.Brokers.Count} broker(s).", data)
                : HealthCheckResult.Unhealthy($"Kafka at {cluster.BootstrapServers} reported no brokers.", data: data);
        }
        catch (KafkaException ex)
        {
            return HealthCheckResult.Unhealthy(
                $"Kafka at {cluster.BootstrapServers} unreachable within {timeout.TotalSeconds:0.#} s: {ex.Error.Code} ({ex.Error.Reason}).", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _admin?.Dispose();
            _admin = null;
        }
    }

    private IAdminClient Admin()
    {
        lock (_gate)
        {
            if (_admin is null)
            {
                var config = options.Value.ClientConfig<AdminClientConfig>();
                config.BootstrapServers = cluster.BootstrapServers;
                config.ClientId = "carestream-health";
                // A closed port must not spam the log; the check result carries the reason.
                config.LogConnectionClose = false;
                _admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
            }

            return _admin;
        }
    }
}
