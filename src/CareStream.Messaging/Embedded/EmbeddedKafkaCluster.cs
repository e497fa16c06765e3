using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareStream.Messaging.Embedded;

/// <summary>
/// librdkafka's mock cluster running in this process: a real Kafka wire-protocol implementation held in
/// memory, for development and tests only. Brokers listen on loopback, so external clients such as kcat
/// can use <see cref="BootstrapServers"/>. The fault-injection methods drive the reliability scenarios.
/// </summary>
public sealed class EmbeddedKafkaCluster : IKafkaCluster, IDisposable
{
    private const int ErrorBufferSize = 512;
    private const int TopicAlreadyExists = (int)ErrorCode.TopicAlreadyExists;

    private readonly Lock _gate = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    private EmbeddedKafkaCluster(IntPtr handle, IntPtr cluster, int brokerCount)
    {
        _handle = handle;
        _cluster = cluster;
        BrokerCount = brokerCount;
        BootstrapServers = Marshal.PtrToStringUTF8(MockClusterNative.ClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("rd_kafka_mock_cluster_bootstraps returned no address.");
    }

    /// <summary>Loopback <c>host:port</c> list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    /// <summary>Always true.</summary>
    public bool IsEmbedded => true;

    /// <summary>This instance.</summary>
    public EmbeddedKafkaCluster Embedded => this;

    EmbeddedKafkaCluster? IKafkaCluster.Embedded => this;

    /// <summary>Broker count; broker ids run from 1 to this value.</summary>
    public int BrokerCount { get; }

    /// <summary>Starts a mock cluster with <paramref name="brokerCount"/> brokers and logs a warning that it is in-memory.</summary>
    public static EmbeddedKafkaCluster Start(int brokerCount = 3, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerCount, 1);
        RdKafkaLibraryResolver.EnsureRegistered();
        var errors = new byte[ErrorBufferSize];
        var conf = MockClusterNative.ConfNew();
        // The owning handle only hosts the cluster; keep its own logging to real problems.
        _ = MockClusterNative.ConfSet(conf, "log_level", "3", errors, ErrorBufferSize);
        var handle = MockClusterNative.New(MockClusterNative.ProducerType, conf, errors, ErrorBufferSize);
        if (handle == IntPtr.Zero)
        {
            MockClusterNative.ConfDestroy(conf); // rd_kafka_new frees conf only on success
            throw new InvalidOperationException($"rd_kafka_new failed: {Encoding.UTF8.GetString(errors).TrimEnd('\0')}");
        }

        var cluster = MockClusterNative.ClusterNew(handle, brokerCount);
        if (cluster == IntPtr.Zero)
        {
            MockClusterNative.Destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        var started = new EmbeddedKafkaCluster(handle, cluster, brokerCount);
        Log.EmbeddedClusterStarted(logger ?? NullLogger.Instance, brokerCount, started.BootstrapServers);
        return started;
    }

    /// <summary>Creates a topic; an existing topic is left as it is.</summary>
    public void CreateTopic(string topic, int partitions, int replicationFactor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var rf = Math.Min(replicationFactor, BrokerCount);
        var error = Invoke(mc => MockClusterNative.TopicCreate(mc, topic, partitions, rf));
        if (error != 0 && error != TopicAlreadyExists)
        {
            throw new KafkaException((ErrorCode)error);
        }
    }

    /// <summary>
    /// Makes the next <paramref name="errors"/>.Length requests of <paramref name="apiKey"/> (see
    /// <see cref="KafkaApiKey"/>) fail with these errors, in order, on any broker.
    /// </summary>
    public void PushRequestErrors(short apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var codes = Array.ConvertAll(errors, e => (int)e);
        Invoke(mc =>
        {
            MockClusterNative.PushRequestErrorsArray(mc, apiKey, (nuint)codes.Length, codes);
            return 0;
        });
    }

    /// <summary>Takes a broker down (closes its connections, refuses new ones); -1 means all brokers.</summary>
    public void SetBrokerDown(int brokerId) => Check(Invoke(mc => MockClusterNative.BrokerSetDown(mc, brokerId)));

    /// <summary>Brings a broker back up; -1 means all brokers.</summary>
    public void SetBrokerUp(int brokerId) => Check(Invoke(mc => MockClusterNative.BrokerSetUp(mc, brokerId)));

    /// <summary>Moves a partition's leadership to <paramref name="brokerId"/> (-1: no leader).</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        Check(Invoke(mc => MockClusterNative.PartitionSetLeader(mc, topic, partition, brokerId)));
    }

    /// <summary>Destroys the cluster; clients still connected see their connections fail.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                MockClusterNative.ClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_handle != IntPtr.Zero)
            {
                MockClusterNative.Destroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    private int Invoke(Func<IntPtr, int> call)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            return call(_cluster);
        }
    }

    private static void Check(int error)
    {
        if (error != 0)
        {
            throw new KafkaException((ErrorCode)error);
        }
    }
}
