using CareStream.Messaging.Embedded;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging;

/// <summary>
/// Default <see cref="IKafkaCluster"/>: the configured bootstrap servers, or an embedded mock cluster started
/// on first use when none are configured.
/// </summary>
internal sealed class KafkaCluster(IOptions<KafkaOptions> options, ILoggerFactory loggerFactory) : IKafkaCluster, IDisposable
{
    private readonly Lazy<EmbeddedKafkaCluster?> _embedded = new(
        () => options.Value.UsesEmbeddedCluster
            ? EmbeddedKafkaCluster.Start(options.Value.EmbeddedBrokers, loggerFactory.CreateLogger<EmbeddedKafkaCluster>())
            : null,
        LazyThreadSafetyMode.ExecutionAndPublication);

    public string BootstrapServers => Embedded?.BootstrapServers ?? options.Value.BootstrapServers!;

    public bool IsEmbedded => options.Value.UsesEmbeddedCluster;

    public EmbeddedKafkaCluster? Embedded => _embedded.Value;

    public void Dispose()
    {
        if (_embedded.IsValueCreated)
        {
            _embedded.Value?.Dispose();
        }
    }
}
