using CareStream.Alerting.Commands;
using CareStream.Alerting.Publishing;
using CareStream.Alerting.RuleSets;
using CareStream.Alerting.Tracking;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Messaging;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Registry;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting;

/// <summary>
/// The rules role's consumer (<c>rules-evaluator</c>, group <c>carestream-rules-evaluator</c>) of canonical
/// observations. Each reading goes to its patient's <see cref="Rules.Tracking.PatientAlarmTracker"/>; the alarm events
/// are published and their delivery awaited before the batch returns, so the batch's offsets are stored only once
/// its alarms are durable in Kafka (at-least-once; event ids are deterministic, so a re-read re-emits the same ids).
/// On assignment the partitions' alarm state is rebuilt from the alerts and observations topics (F11).
/// It also consumes <c>carestream.patient-commands.v1</c> in the same consumer: with equal partition counts and the
/// range assignor, this member owns a patient's commands exactly where it owns their observations (ADR 2611
/// patient commands), so commands and readings of one patient are applied by one tracker, in one order.
/// </summary>
internal sealed class AlertRulesConsumer(
    KafkaConsumerContext context,
    PatientTrackers trackers,
    WardRuleSets ruleSets,
    RegistryDirectory registry,
    RegistryFeed registryFeed,
    AlarmPublisher publisher,
    PatientScorePublisher scores,
    AlarmStateRestorer restorer,
    IOptions<KafkaOptions> kafka,
    TimeProvider time) : KafkaConsumerService(context)
{
    public const string ConsumerName = "rules-evaluator";

    private readonly string _commandsTopic = kafka.Value.Topics.PatientCommands;

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
            if (message.Topic == _commandsTopic)
            {
                if (HandleCommand(message, now, deliveries) is { } rejection)
                {
                    (rejections ??= []).Add(rejection);
                }

                continue;
            }

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
                deliveries.Add(tracked.RunAsync(RuleSetOf(reading.Patient), t => t.OnReading(reading, now), publisher, ScoreAt(reading.Patient, now)));
            }
        }

        // At-least-once: the loop stores these offsets only after every alarm event is acknowledged by Kafka.
        await Task.WhenAll(deliveries);
        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }

    protected override void OnPartitionsAssigned(IReadOnlyList<TopicPartition> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        // Per-patient state is keyed by observation partition; the same-numbered command partitions come with it.
        var numbers = partitions.Where(p => p.Topic != _commandsTopic).Select(p => p.Partition.Value).ToList();
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

        foreach (var (partition, patient, charting) in state.Charting())
        {
            TrackerFor(patient, partition).RestoreCharting(charting);
        }

        foreach (var (partition, patient, overrides) in state.Limits())
        {
            if (TrackerFor(patient, partition).SetLimits(RuleSetOf(patient), overrides) is { Count: > 0 } errors)
            {
                Log.LimitsNotApplied(Logger, "restore", patient.Value, string.Join("; ", errors));
            }
        }
    }

    protected override void OnPartitionsRevoked(IReadOnlyList<TopicPartitionOffset> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        trackers.DropPartitions(partitions.Where(p => p.Topic != _commandsTopic).Select(p => p.Partition.Value));
    }

    /// <summary>
    /// Applies one command to its patient's tracker; the effect's alarm events join <paramref name="deliveries"/>.
    /// An undecodable record is returned as a rejection (dead-lettered); a command the lifecycle refuses (unknown or
    /// resolved episode, already acknowledged, ...) is logged with its reason and emits nothing.
    /// </summary>
    private MessageRejection? HandleCommand(ConsumeResult<string, byte[]> message, DateTimeOffset now, List<Task> deliveries)
    {
        PatientCommand command;
        try
        {
            command = PatientCommandCodec.Decode(message.Message.Value);
        }
        catch (FormatException ex)
        {
            return new MessageRejection(message, "invalid-command", ex.Message);
        }

        if (command.Limits is { } overrides)
        {
            // Overrides change the rules, not the alarm state: the next reading or tick evaluates against them.
            var errors = TrackerFor(command.Patient, message.Partition.Value).SetLimits(RuleSetOf(command.Patient), overrides);
            if (errors.Count > 0)
            {
                Log.LimitsNotApplied(Logger, command.CommandId, command.Patient.Value, string.Join("; ", errors));
            }
            else
            {
                Log.CommandApplied(Logger, command.Type, command.CommandId, command.Patient.Value, 0);
            }

            return null;
        }

        var tracked = PatientCommandTypes.IsAlarmCommand(command.Type)
            ? trackers.TryGet(command.Patient)
            : TrackerFor(command.Patient, message.Partition.Value); // charting may come before the first reading
        if (tracked is null)
        {
            Log.CommandRejected(Logger, command.Type, command.CommandId, command.EpisodeId ?? "-", command.Patient.Value, "no alarm state for this patient");
            return null;
        }

        deliveries.Add(tracked.RunAsync(RuleSetOf(command.Patient), tracker =>
        {
            var (events, rejection) = PatientCommandApplier.Apply(tracker, command, now);
            if (rejection is not null)
            {
                Log.CommandRejected(Logger, command.Type, command.CommandId, command.EpisodeId ?? "-", command.Patient.Value, rejection);
            }
            else
            {
                Log.CommandApplied(Logger, command.Type, command.CommandId, command.Patient.Value, events.Count);
            }

            return events;
        }, publisher, ScoreAt(command.Patient, now)));
        return null;
    }

    private ScoreContext ScoreAt(PatientId patient, DateTimeOffset now) => new(scores, registry.CurrentBedOf(patient), now);

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
