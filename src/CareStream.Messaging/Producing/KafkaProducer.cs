using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging.Producing;

/// <summary>
/// The process's one Kafka producer (<c>acks=all</c>, idempotent, <c>linger.ms=1</c> unless configured).
/// Adds the W3C <c>traceparent</c> of <see cref="Activity.Current"/> to every message. After a fatal
/// producer error (e.g. an idempotence sequence gap) the client is replaced by a new one at once, so
/// producing resumes within the reliability guide's 5 s; messages in flight on the old client get failed
/// delivery reports, never silence. The host keeps running.
/// </summary>
public sealed class KafkaProducer : IDisposable
{
    private static readonly TimeSpan DisposeFlushTimeout = TimeSpan.FromSeconds(10);

    private readonly ErrorLogThrottle _errorThrottle = ErrorLogThrottle.Default();
    private readonly IKafkaCluster _cluster;
    private readonly IKafkaClientFactory _factory;
    private readonly KafkaOptions _options;
    private readonly ILogger<KafkaProducer> _logger;
    private readonly Lock _gate = new();
    private IProducer<string, byte[]>? _producer;
    private int _generation;
    private bool _disposed;

    /// <summary>Creates the handle; the client itself is built on first produce.</summary>
    public KafkaProducer(IKafkaCluster cluster, IKafkaClientFactory factory, IOptions<KafkaOptions> options, ILogger<KafkaProducer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _factory = factory ?? throw new ArgumentNullException(nameof(factory));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options.Value;
    }

    /// <summary>How many times the client was replaced after a fatal error.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>Raised (on a pool thread) after a fatal error, once the replacement client exists.</summary>
    public event EventHandler<KafkaProducerFaultedEventArgs>? Faulted;

    /// <summary>
    /// Produces one message and waits for its delivery report. <paramref name="headers"/> may be null; use
    /// <see cref="KafkaHeaders.CreateFhirJson"/> for FHIR payloads. Throws <see cref="ProduceException{TKey, TValue}"/>
    /// when delivery failed.
    /// </summary>
    public async Task<DeliveryResult<string, byte[]>> ProduceAsync(
        string topic, string key, byte[] value, Headers? headers = null, CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(key, value, headers);
        try
        {
            return await Current.ProduceAsync(topic, message, cancellationToken);
        }
        catch (ProduceException<string, byte[]> ex)
        {
            MessagingTelemetry.ProduceFailures.Add(1, new KeyValuePair<string, object?>("topic", topic));
            Log.ProduceFailed(_logger, topic, ex.Error.Code, ex.Error.Reason);
            throw;
        }
    }

    /// <summary>
    /// Enqueues one message without waiting (high throughput). <paramref name="deliveryHandler"/> runs on the
    /// producer's poll thread with the delivery report; failures are also counted and logged here.
    /// </summary>
    public void Produce(
        string topic, string key, byte[] value, Headers? headers = null, Action<DeliveryReport<string, byte[]>>? deliveryHandler = null)
    {
        Current.Produce(topic, CreateMessage(key, value, headers), report =>
        {
            if (report.Error.IsError)
            {
                MessagingTelemetry.ProduceFailures.Add(1, new KeyValuePair<string, object?>("topic", topic));
                Log.ProduceFailed(_logger, topic, report.Error.Code, report.Error.Reason);
            }

            deliveryHandler?.Invoke(report);
        });
    }

    /// <summary>Waits until every enqueued message has a delivery report; returns how many are still in flight.</summary>
    public int Flush(TimeSpan timeout) => Current.Flush(timeout);

    /// <summary>Flushes (up to 10 s) and disposes the client.</summary>
    public void Dispose()
    {
        IProducer<string, byte[]>? producer;
        lock (_gate)
        {
            _disposed = true;
            producer = _producer;
            _producer = null;
        }

        if (producer is not null)
        {
            var remaining = producer.Flush(DisposeFlushTimeout);
            if (remaining > 0)
            {
                Log.ProducerDisposedWithPending(_logger, remaining);
            }

            producer.Dispose();
        }
    }

    private IProducer<string, byte[]> Current
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _producer ??= Build(Generation);
            }
        }
    }

    private static Message<string, byte[]> CreateMessage(string key, byte[] value, Headers? headers)
    {
        ArgumentNullException.ThrowIfNull(value);
        headers ??= [];
        KafkaHeaders.InjectTraceContext(headers, Activity.Current);
        return new Message<string, byte[]> { Key = key, Value = value, Headers = headers };
    }

    private IProducer<string, byte[]> Build(int generation)
    {
        // A fresh config (never the bound options dictionaries), then the settings acks/idempotence rely on.
        var config = _options.ClientConfig<ProducerConfig>(_options.Producer);
        config.BootstrapServers = _cluster.BootstrapServers;
        config.Acks = Acks.All;
        config.EnableIdempotence = true;
        config.LingerMs ??= 1;
        config.ClientId ??= "carestream";
        return _factory.CreateProducer(config, error => OnError(generation, error));
    }

    private void OnError(int generation, Error error)
    {
        if (!error.IsFatal)
        {
            if (_errorThrottle.ShouldLog(error.Code, out var suppressed))
            {
                Log.ProducerError(_logger, error.Code, error.Reason, suppressed);
            }

            return;
        }

        Log.ProducerFatal(_logger, error.Code, error.Reason);
        // Never dispose a client from inside its own callback: hand the swap to a pool thread.
        _ = Task.Run(() => Replace(generation, error));
    }

    private void Replace(int generation, Error error)
    {
        IProducer<string, byte[]>? old;
        lock (_gate)
        {
            if (_disposed || generation != _generation)
            {
                return; // already replaced
            }

            old = _producer;
            _generation = generation + 1;
            _producer = Build(_generation);
        }

        MessagingTelemetry.ProducerRecreated.Add(1);
        Log.ProducerRecreated(_logger, _generation);
        Faulted?.Invoke(this, new KafkaProducerFaultedEventArgs(error));
        old?.Dispose(); // outstanding messages on the fatal client get failed delivery reports
    }
}
