using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging;

/// <summary>
/// Creates the CareStream topics on start, before any consumer subscribes. Embedded: through the mock
/// cluster API (its admin CreateTopics never finds a controller). Real cluster: through the admin client
/// with the replication factor, <c>min.insync.replicas</c> and compaction from options; existing topics
/// are left untouched. A real cluster that cannot be reached does not stop the host: the failure is logged
/// loudly and readiness (the <c>kafka</c> check) stays unhealthy, so an orchestrator sees why instead of a crash loop.
/// </summary>
internal sealed class KafkaTopicProvisioner(
    IKafkaCluster cluster, IOptions<KafkaOptions> options, ILogger<KafkaTopicProvisioner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var topics = Topics.All(settings);
        if (cluster.Embedded is { } embedded)
        {
            foreach (var topic in topics)
            {
                embedded.CreateTopic(topic.Name, topic.Partitions, settings.ReplicationFactor);
            }

            Log.TopicsProvisioned(logger, topics.Count, cluster.BootstrapServers);
            return;
        }

        if (!settings.ProvisionTopics)
        {
            Log.TopicProvisioningDisabled(logger);
            return;
        }

        var adminConfig = settings.ClientConfig<AdminClientConfig>();
        adminConfig.BootstrapServers = cluster.BootstrapServers;
        using var admin = new AdminClientBuilder(adminConfig)
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .SetErrorHandler((_, _) => { }) // surfaced by the readiness check and the failure logged below
            .Build();
        var specifications = topics.Select(t => new TopicSpecification
        {
            Name = t.Name,
            NumPartitions = t.Partitions,
            ReplicationFactor = settings.ReplicationFactor,
            Configs = new Dictionary<string, string>
            {
                ["min.insync.replicas"] = settings.MinInSyncReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["cleanup.policy"] = t.Compacted ? "compact" : "delete",
            },
        }).ToList();
        try
        {
            var timeout = settings.ProvisioningTimeout;
            await admin.CreateTopicsAsync(specifications, new CreateTopicsOptions { RequestTimeout = timeout, OperationTimeout = timeout });
        }
        catch (CreateTopicsException ex)
        {
            var failed = ex.Results.Where(r => r.Error.IsError && r.Error.Code != ErrorCode.TopicAlreadyExists).ToList();
            if (failed.Count > 0)
            {
                Log.TopicsNotProvisioned(logger, cluster.BootstrapServers, string.Join("; ", failed.Select(r => $"{r.Topic}: {r.Error.Reason}")));
                return;
            }
        }
        catch (KafkaException ex)
        {
            Log.TopicsNotProvisioned(logger, cluster.BootstrapServers, ex.Error.Reason);
            return;
        }

        Log.TopicsProvisioned(logger, topics.Count, cluster.BootstrapServers);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
