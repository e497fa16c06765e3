using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging.Registry;

/// <summary>
/// Materialises the compacted assignments topic into <see cref="RegistryDirectory"/>. Unlike the group consumers
/// it reads every partition from the beginning on every start and commits nothing: each process needs the whole
/// table, not a share of it. This is therefore a table reader, not a second copy of the consumer loop.
/// </summary>
public sealed partial class RegistryFeed(
    IKafkaCluster cluster,
    IOptions<KafkaOptions> options,
    RegistryDirectory directory,
    ILogger<RegistryFeed> logger) : BackgroundService
{
    private static readonly TimeSpan WatermarkTimeout = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<int, long> _positions = [];
    private readonly Lock _gate = new();
    private IConsumer<string, byte[]>? _consumer;

    // Watermark queries go through a second, never-assigned client: on the reading client's connections they would
    // queue behind its long-poll fetches (up to fetch.wait.max.ms each), turning a sync into seconds.
    private IConsumer<string, byte[]>? _probe;

    /// <summary>Completes once everything on the topic at start-up has been applied.</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <summary>
    /// Waits until every fact published before this call has been applied (or the timeout passes), so a reading
    /// from a device associated a moment ago is not taken for unassociated. Returns false on timeout.
    /// </summary>
    public async Task<bool> SyncAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await CaughtUp.WaitAsync(timeout, cancellationToken);
        var (consumer, probe) = (_consumer, _probe);
        if (consumer is null || probe is null)
        {
            return false;
        }

        var clock = Stopwatch.StartNew();
        var targets = consumer.Assignment
            .Select(tp => (tp.Partition.Value, High: probe.QueryWatermarkOffsets(tp, WatermarkTimeout).High.Value))
            .ToArray();
        while (!targets.All(t => PositionOf(t.Value) >= t.High))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        return true;
    }

    /// <inheritdoc />
    /// <remarks>The loop blocks in <c>Consume</c>: a thread of its own, not a thread-pool worker (see KafkaConsumerService).</remarks>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var topic = options.Value.Topics.Assignments;
        var config = options.Value.ClientConfig<ConsumerConfig>();
        config.BootstrapServers = cluster.BootstrapServers;
        // Never joins or commits: the id only labels the client in broker logs and satisfies librdkafka.
        config.GroupId = "carestream-registry-" + Guid.NewGuid().ToString("N");
        config.EnableAutoCommit = false;
        config.AutoOffsetReset = AutoOffsetReset.Earliest;

        using var consumer = new ConsumerBuilder<string, byte[]>(config).SetLogHandler(LibrdkafkaLog.To(logger)).Build();
        using var probe = new ConsumerBuilder<string, byte[]>(new ConsumerConfig(new Dictionary<string, string>(config)) { GroupId = config.GroupId + "-probe" })
            .SetLogHandler(LibrdkafkaLog.To(logger))
            .Build();
        using (var admin = new DependentAdminClientBuilder(consumer.Handle).Build())
        {
            var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(30)).Topics.Single().Partitions;
            consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
        }

        _consumer = consumer;
        _probe = probe;
        var startHighs = new Dictionary<int, long>();
        foreach (var tp in consumer.Assignment)
        {
            var marks = consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(30));
            startHighs[tp.Partition.Value] = marks.High.Value;
            lock (_gate)
            {
                // Compaction may have removed the first records: reading starts at the low watermark.
                _positions[tp.Partition.Value] = marks.Low.Value;
            }
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                MarkCaughtUpIfReached(startHighs);
                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result is null || result.IsPartitionEOF)
                {
                    continue;
                }

                Apply(result);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _consumer = null;
            _probe = null;
            consumer.Close();
        }
    }

    private void Apply(ConsumeResult<string, byte[]> result)
    {
        if (result.Message.Value is { Length: > 0 } value)
        {
            try
            {
                directory.Apply(RegistryCodec.Decode(value));
            }
            catch (FormatException ex)
            {
                // A bad registry record must not stop attribution of everything else; it is skipped, loudly.
                LogBadRecord(logger, result.TopicPartitionOffset.ToString(), ex.Message);
            }
        }

        lock (_gate)
        {
            _positions[result.Partition.Value] = result.Offset.Value + 1;
        }
    }

    private void MarkCaughtUpIfReached(Dictionary<int, long> highs)
    {
        if (!_caughtUp.Task.IsCompleted && highs.All(h => PositionOf(h.Key) >= h.Value))
        {
            LogCaughtUp(logger, directory.DeviceCount);
            _caughtUp.TrySetResult();
        }
    }

    private long PositionOf(int partition)
    {
        lock (_gate)
        {
            return _positions.GetValueOrDefault(partition);
        }
    }

    [LoggerMessage(EventId = 1900, Level = LogLevel.Warning, Message = "Skipped a registry record at {Coordinates}: {Reason}")]
    private static partial void LogBadRecord(ILogger logger, string coordinates, string reason);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Registry loaded: {Devices} device associations")]
    private static partial void LogCaughtUp(ILogger logger, int devices);
}
