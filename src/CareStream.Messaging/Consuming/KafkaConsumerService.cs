using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareStream.Messaging.Consuming;

/// <summary>
/// The one Kafka consumer loop. It consumes up to <see cref="KafkaConsumerOptions.MaxBatchSize"/> messages or
/// until <see cref="KafkaConsumerOptions.MaxBatchLatency"/> has passed since the batch's first message, calls
/// <see cref="HandleBatchAsync"/> in a DI scope, dead-letters the rejected messages, and only then stores the
/// offsets (at-least-once; librdkafka auto-commits stored offsets, <c>Close()</c> commits the rest).
/// An exception escaping the handler is treated as an outage the handler's own retries could not bridge:
/// nothing is stored, the host is stopped, and its restart re-reads from the last committed offset.
/// </summary>
public abstract class KafkaConsumerService : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly KafkaConsumerContext _context;
    private readonly KafkaConsumerStatus _status;
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly ErrorLogThrottle _errorThrottle = ErrorLogThrottle.Default();
    private volatile bool _fatal;

    /// <summary>Creates the loop; the name comes from the <c>AddKafkaConsumer</c> registration of this type.</summary>
    protected KafkaConsumerService(KafkaConsumerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        Name = context.NameOf(GetType());
        Logger = context.LoggerFactory.CreateLogger(GetType());
        _status = context.States.Get(Name);
    }

    /// <summary>The consumer's name (options name, <c>Kafka:Consumers:&lt;Name&gt;</c>).</summary>
    public string Name { get; }

    /// <summary>Current loop status.</summary>
    public KafkaConsumerStatus Status => _status;

    /// <summary>Logger categorised by the concrete consumer type.</summary>
    protected ILogger Logger { get; }

    /// <summary>
    /// Handles one batch (from this consumer's topics, in order within each partition; dispatch on
    /// <c>ConsumeResult.Topic</c> when the consumer subscribes to more than one). Return the messages that can
    /// never succeed as rejections; throw for transient failures after bounded retries.
    /// </summary>
    protected abstract Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Called on the loop thread when partitions are added to this member (rebuild per-partition state here).</summary>
    protected virtual void OnPartitionsAssigned(IReadOnlyList<TopicPartition> partitions)
    {
    }

    /// <summary>Called on the loop thread when partitions are revoked or lost (drop per-partition state here).</summary>
    protected virtual void OnPartitionsRevoked(IReadOnlyList<TopicPartitionOffset> partitions)
    {
    }

    /// <inheritdoc />
    /// <remarks>
    /// The loop blocks in librdkafka's <c>Consume</c>, so it runs on a thread of its own. On a thread-pool thread every
    /// consumer held one worker for the process's lifetime (14 with <c>--roles all</c>, against a minimum of one per
    /// core): the pool ran starved, added threads only slowly, and each starved interval stalled the handlers'
    /// continuations (e.g. the normalizer's delivery reports) for 0.5–1 s (docs/benchmarks.md, "Latency spikes").
    /// </remarks>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var settings = _context.ConsumerOptions.Get(Name);
        var config = KafkaConsumerConfigBuilder.Build(Name, settings, _context.Kafka, _context.Cluster.BootstrapServers);
        var deadLetterTopic = settings.DeadLetterTopic ?? _context.Kafka.Topics.ObservationsDeadLetter;
        using var consumer = _context.ClientFactory.CreateConsumer(config, CreateCallbacks());
        var faulted = false;
        try
        {
            _status.State = KafkaConsumerState.Running;
            var topics = settings.SubscribedTopics();
            if (topics.Count == 1)
            {
                consumer.Subscribe(topics[0]);
            }
            else
            {
                consumer.Subscribe(topics);
            }

            Log.ConsumerStarted(Logger, Name, string.Join(',', topics), config.GroupId);
            while (!stoppingToken.IsCancellationRequested && !_fatal)
            {
                var batch = ConsumeBatch(consumer, settings, stoppingToken);
                if (batch.Count > 0)
                {
                    // Blocks this dedicated thread only; the handler's awaits continue on the pool.
                    ProcessBatchAsync(consumer, batch, deadLetterTopic, config.GroupId, stoppingToken).GetAwaiter().GetResult();
                }
            }

            faulted = _fatal;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown during a batch: its offsets were not stored, the next owner re-reads it.
        }
        catch (Exception ex)
        {
            Log.ConsumerFaulted(Logger, ex, Name);
            faulted = true;
        }
        finally
        {
            Close(consumer);
            _status.AssignedPartitions = 0;
            _status.State = faulted ? KafkaConsumerState.Faulted : KafkaConsumerState.Stopped;
        }

        if (faulted)
        {
            // No zombie loop: stop the host so the orchestrator restarts it and it re-reads from the commit.
            _context.Lifetime.StopApplication();
        }
    }

    private List<ConsumeResult<string, byte[]>> ConsumeBatch(
        IConsumer<string, byte[]> consumer, KafkaConsumerOptions settings, CancellationToken stoppingToken)
    {
        var batch = new List<ConsumeResult<string, byte[]>>();
        var first = Poll(consumer, PollInterval);
        if (first is null)
        {
            return batch;
        }

        batch.Add(first);
        var started = _context.Time.GetTimestamp();
        while (batch.Count < settings.MaxBatchSize && !stoppingToken.IsCancellationRequested && !_fatal)
        {
            var remaining = settings.MaxBatchLatency - _context.Time.GetElapsedTime(started);
            var next = Poll(consumer, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            if (next is null)
            {
                break;
            }

            batch.Add(next);
        }

        return batch;
    }

    private ConsumeResult<string, byte[]>? Poll(IConsumer<string, byte[]> consumer, TimeSpan timeout)
    {
        try
        {
            var result = consumer.Consume(timeout);
            return result is null || result.IsPartitionEOF ? null : result;
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            Log.ConsumeFailed(Logger, Name, ex.Error.Code, ex.Error.Reason);
            return null;
        }
    }

    private async Task ProcessBatchAsync(
        IConsumer<string, byte[]> consumer, List<ConsumeResult<string, byte[]>> batch,
        string deadLetterTopic, string groupId, CancellationToken cancellationToken)
    {
        BatchOutcome outcome;
        using (var activity = ConsumerActivities.StartBatch(Name, batch))
        {
            await using var scope = _context.Scopes.CreateAsyncScope();
            outcome = await HandleBatchAsync(batch, scope.ServiceProvider, cancellationToken);
        }

        // Dead-letter before storing: a crash in between re-reads the poison message, never loses it.
        foreach (var rejection in outcome.Rejections)
        {
            await _context.DeadLetters.PublishAsync(deadLetterTopic, groupId, rejection, cancellationToken);
            MessagingTelemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("consumer", Name));
            Log.DeadLettered(Logger, Name, rejection.Message.TopicPartitionOffset, rejection.ErrorCode);
        }

        BatchOffsets.StoreLastPerPartition(consumer, batch, skipped => Log.StoreSkipped(Logger, Name, skipped));
        MessagingTelemetry.Consumed.Add(batch.Count - outcome.Rejections.Count, new KeyValuePair<string, object?>("consumer", Name));
    }

    private KafkaConsumerCallbacks CreateCallbacks() => new(
        PartitionsAssigned: partitions =>
        {
            _assigned.UnionWith(partitions);
            UpdateAssignment();
            Log.PartitionsAssigned(Logger, Name, partitions.Count, _assigned.Count);
            OnPartitionsAssigned(partitions);
        },
        PartitionsRevoked: partitions => Remove(partitions, lost: false),
        PartitionsLost: partitions => Remove(partitions, lost: true),
        Error: error =>
        {
            if (error.IsFatal)
            {
                _fatal = true;
                Log.ConsumerFatal(Logger, Name, error.Code, error.Reason);
            }
            else if (_errorThrottle.ShouldLog(error.Code, out var suppressed))
            {
                Log.ConsumerError(Logger, Name, error.Code, error.Reason, suppressed);
            }
        });

    private void Remove(IReadOnlyList<TopicPartitionOffset> partitions, bool lost)
    {
        _assigned.ExceptWith(partitions.Select(p => p.TopicPartition));
        UpdateAssignment();
        Log.PartitionsRevoked(Logger, Name, partitions.Count, _assigned.Count, lost);
        OnPartitionsRevoked(partitions);
    }

    private void UpdateAssignment()
    {
        _status.AssignedPartitions = _assigned.Count;
        if (_status.State is not (KafkaConsumerState.Stopped or KafkaConsumerState.Faulted))
        {
            _status.State = _assigned.Count > 0 ? KafkaConsumerState.Assigned : KafkaConsumerState.Running;
        }
    }

    private void Close(IConsumer<string, byte[]> consumer)
    {
        try
        {
            consumer.Close(); // commits the stored offsets and leaves the group cleanly
        }
        catch (KafkaException ex)
        {
            Log.CloseFailed(Logger, ex, Name);
        }
    }
}
