using System.Diagnostics;
using CareStream.Alerting.Commands;
using CareStream.Messaging.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Messaging;
using CareStream.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.Tracking;

/// <summary>
/// Rebuilds alarm state for newly assigned observation partitions (F11) until the alert store exists:
/// <list type="number">
/// <item>Episodes: partition p of <c>carestream.alerts.v1</c> holds the same patients as partition p of the
/// observations topic (both keyed by patient id with the same partition count), so its records of the last
/// <c>Alerting:RestoreLookback</c> give each episode's latest published state.</item>
/// <item>Readings: the observations of the last <c>Alerting:ReplayWindow</c> up to the group's committed offset
/// (what was already evaluated) are replayed into the trackers without evaluation.</item>
/// <item>Charting: the charting commands of the last <c>Alerting:ChartingLookback</c> on the same partitions of
/// <c>carestream.patient-commands.v1</c>, up to the group's committed offset, give each patient's charted NEWS2
/// inputs and per-patient limit overrides (acknowledgements, pauses and annotations need no replay: their effect is
/// on the alerts topic).</item>
/// <item>Limit overrides, also from the durable audit <c>patient_limit_change</c> (<see cref="AuditedLimitOverrides"/>),
/// so an override older than the look-back survives; per patient the command with the highest offset wins.</item>
/// </list>
/// Reads with an unsubscribed, assign-only client that commits nothing. On failure it logs and returns what it
/// has: the trackers then start empty, and an active alarm may be raised again (fail towards alarming).
/// </summary>
internal sealed class AlarmStateRestorer(
    IKafkaCluster cluster,
    IKafkaClientFactory clients,
    IOptions<KafkaOptions> kafka,
    IOptionsMonitor<KafkaConsumerOptions> consumers,
    IOptions<AlertingOptions> options,
    AuditedLimitOverrides auditedLimits,
    TimeProvider time,
    ILogger<AlarmStateRestorer> logger)
{
    private static readonly KafkaConsumerCallbacks NoCallbacks = new(_ => { }, _ => { }, _ => { }, _ => { });

    public RestoredState Restore(IReadOnlyList<int> partitions, string consumerName)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var state = new RestoredState();
        if (partitions.Count == 0)
        {
            return state;
        }

        var settings = options.Value;
        var topics = kafka.Value.Topics;
        var client = consumers.Get(consumerName).Client;
        var groupId = client.TryGetValue("group.id", out var configured) ? configured : $"carestream-{consumerName}";
        // An I/O deadline in wall-clock time (a fake TimeProvider in tests must not make it endless).
        var clock = Stopwatch.StartNew();
        try
        {
            // Same group id, never subscribed: reads the group's committed offsets without joining it.
            var config = kafka.Value.ClientConfig<ConsumerConfig>();
            config.BootstrapServers = cluster.BootstrapServers;
            config.GroupId = groupId;
            config.EnableAutoCommit = false;
            using var consumer = clients.CreateConsumer(config, NoCallbacks);
            var now = time.GetUtcNow();
            var alerts = partitions.Select(p => new TopicPartition(topics.Alerts, p)).ToList();
            var alertEnds = alerts.ToDictionary(tp => tp, tp => consumer.QueryWatermarkOffsets(tp, settings.RestoreTimeout).High);
            Read(consumer, alerts, now - settings.RestoreLookback, alertEnds, clock, record =>
            {
                try
                {
                    state.Add(record.Partition.Value, AlarmEventCodec.Decode(record.Message.Value).Event.Episode);
                }
                catch (FormatException ex)
                {
                    Log.RestoreRecordSkipped(logger, ex, record.TopicPartitionOffset);
                }
            });

            var observations = partitions.Select(p => new TopicPartition(topics.Observations, p)).ToList();
            var committed = consumer.Committed(observations, settings.RestoreTimeout).ToDictionary(c => c.TopicPartition, c => c.Offset);
            var readings = new List<VitalSignReading>(3);
            Read(consumer, observations, now - settings.ReplayWindow, committed, clock, record =>
            {
                readings.Clear();
                try
                {
                    CanonicalObservationReader.Read(record.Message.Value, readings);
                }
                catch (FhirFormatException)
                {
                    return; // the live consumer dead-lettered it
                }

                foreach (var reading in readings)
                {
                    state.Add(record.Partition.Value, reading);
                }
            });

            var commands = partitions.Select(p => new TopicPartition(topics.PatientCommands, p)).ToList();
            var appliedCommands = consumer.Committed(commands, settings.RestoreTimeout).ToDictionary(c => c.TopicPartition, c => c.Offset);
            Read(consumer, commands, now - settings.ChartingLookback, appliedCommands, clock, record =>
            {
                try
                {
                    var command = PatientCommandCodec.Decode(record.Message.Value);
                    if (command.Charting is { } update)
                    {
                        state.Add(record.Partition.Value, command.Patient, update);
                    }
                    else if (command.Limits is { } overrides)
                    {
                        state.AddLimits(record.Partition.Value, record.Offset.Value, command.Patient, overrides);
                    }
                }
                catch (FormatException)
                {
                    // the live consumer dead-lettered it
                }
            });
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            Log.RestoreFailed(logger, ex, topics.Alerts);
        }
        catch (TimeoutException ex)
        {
            Log.RestoreFailed(logger, ex, topics.Alerts);
        }

        auditedLimits.AddTo(state, partitions);
        Log.EpisodesRestored(logger, state.EpisodeCount, state.PatientCount, partitions.Count);
        Log.ChartingRestored(logger, state.ChartedPatientCount, partitions.Count);
        Log.LimitsRestored(logger, state.LimitsPatientCount, partitions.Count);
        return state;
    }

    /// <summary>Reads each partition from the first record at or after <paramref name="from"/> up to (excluding) its end offset.</summary>
    private void Read(
        IConsumer<string, byte[]> consumer, List<TopicPartition> partitions, DateTimeOffset from,
        Dictionary<TopicPartition, Offset> ends, Stopwatch clock, Action<ConsumeResult<string, byte[]>> handle)
    {
        var timeout = options.Value.RestoreTimeout;
        // librdkafka's mock cluster answers every timestamp lookup with End, so the (in-memory, small) embedded
        // cluster is read from the beginning; a real cluster starts at the first record at or after `from`.
        var starts = cluster.IsEmbedded
            ? partitions.Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)).ToList()
            : consumer.OffsetsForTimes(
                partitions.Select(tp => new TopicPartitionTimestamp(tp, new Timestamp(from.UtcDateTime, TimestampType.CreateTime))), timeout);
        var pending = starts
            .Where(s => (s.Offset == Offset.Beginning || s.Offset.Value >= 0) && ends.TryGetValue(s.TopicPartition, out var end) && end.Value > Math.Max(s.Offset.Value, 0))
            .ToDictionary(s => s.TopicPartition, s => ends[s.TopicPartition].Value);
        if (pending.Count == 0)
        {
            return;
        }

        consumer.Assign(starts.Where(s => pending.ContainsKey(s.TopicPartition)));
        while (pending.Count > 0)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Reading back {partitions[0].Topic} took longer than {timeout}.");
            }

            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record is null || record.IsPartitionEOF || !pending.TryGetValue(record.TopicPartition, out var end))
            {
                continue;
            }

            if (record.Offset.Value < end)
            {
                handle(record);
            }

            if (record.Offset.Value + 1 >= end)
            {
                pending.Remove(record.TopicPartition);
            }
        }

        consumer.Unassign();
    }
}
