using CareStream.Alerting.Publishing;
using CareStream.Alerting.RuleSets;
using CareStream.Alerting.Tracking;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Registry;
using Confluent.Kafka;

namespace CareStream.Alerting;

/// <summary>
/// The rules role's consumer (<c>rules-evaluator</c>, group <c>carestream-rules-evaluator</c>) of canonical
/// observations. Each reading goes to its patient's <see cref="Rules.Tracking.PatientAlarmTracker"/>; the alarm events
/// are published and their delivery awaited before the batch returns, so the batch's offsets are stored only once
/// its alarms are durable in Kafka (at-least-once; event ids are deterministic, so a re-read re-emits the same ids).
/// On assignment the partitions' alarm state is rebuilt from the alerts and observations topics (F11).
/// </summary>
internal sealed class AlertRulesConsumer(
    KafkaConsumerContext context,
    PatientTrackers trackers,
    WardRuleSets ruleSets,
    RegistryDirectory registry,
    RegistryFeed registryFeed,
    AlarmPublisher publisher,
    AlarmStateRestorer restorer,
    TimeProvider time) : KafkaConsumerService(context)
{
    public const string ConsumerName = "rules-evaluator";

    private static readonly TimeSpan RegistryWait = TimeSpan.FromSeconds(10);

    private bool _registryReady;

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await EnsureRegistryAsync(cancellationToken);
        var now = time.GetUtcNow();
        var deliveries = new List<Task>();
        List<MessageRejection>? rejections = null;
        var readings = new List<VitalSignReading>(3);
        foreach (var message in batch)
        {
            readings.Clear();
            try
            {
                CanonicalObservationReader.Read(message.Message.Value, readings);
            }
            catch (FhirFormatException ex)
            {
                (rejections ??= []).Add(new MessageRejection(message, "invalid-observation", $"{ex.Code}: {ex.Message}"));
                continue;
            }

            foreach (var reading in readings)
            {
                var tracked = TrackerFor(reading.Patient, message.Partition.Value);
                deliveries.Add(tracked.RunAsync(RuleSetOf(reading.Patient), t => t.OnReading(reading, now), publisher));
            }
        }

        // At-least-once: the loop stores these offsets only after every alarm event is acknowledged by Kafka.
        await Task.WhenAll(deliveries);
        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }

    protected override void OnPartitionsAssigned(IReadOnlyList<TopicPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var numbers = partitions.Select(p => p.Partition.Value).ToList();
        var state = restorer.Restore(numbers, Name);
        foreach (var partition in numbers)
        {
            trackers.SetRestored(partition, state.EpisodesOf(partition));
        }

        // Patients with replayed history or restored episodes get their tracker now, so ticks ("no data",
        // escalation) continue for them even before their next reading.
        foreach (var (partition, patient, history) in state.Patients())
        {
            TrackerFor(patient, partition).Replay(history);
        }
    }

    protected override void OnPartitionsRevoked(IReadOnlyList<TopicPartitionOffset> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        trackers.DropPartitions(partitions.Select(p => p.Partition.Value));
    }

    private TrackedPatient TrackerFor(PatientId patient, int partition) =>
        trackers.GetOrAdd(patient, partition, RuleSetOf(patient));

    private Rules.RuleSets.RuleSet RuleSetOf(PatientId patient) => ruleSets.For(registry.CurrentBedOf(patient)?.Ward);

    private async Task EnsureRegistryAsync(CancellationToken cancellationToken)
    {
        if (_registryReady)
        {
            return;
        }

        // The ward picks the rule set: wait (bounded) for the registry's start-up catch-up once.
        try
        {
            await registryFeed.CaughtUp.WaitAsync(RegistryWait, cancellationToken); // I/O wait: wall-clock bound
        }
        catch (TimeoutException)
        {
            Log.RegistryNotCaughtUp(Logger, RegistryWait);
        }

        _registryReady = true;
    }
}
