using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Storage.Alerts;

/// <summary>One alarm event to store, as read from <c>carestream.alerts.v1</c>.</summary>
/// <param name="Event">The decoded event (its episode is the state after the change).</param>
/// <param name="Kind">The wire <c>type</c> of the event (<c>AlarmEventCodec.TypeOf</c>), stored as text.</param>
/// <param name="Ward">The patient's ward at publication, if known.</param>
/// <param name="Bed">The patient's bed at publication, if known.</param>
/// <param name="Payload">The record as published (UTF-8 JSON), kept whole in <c>alarm_event.payload</c>.</param>
/// <param name="KafkaPartition">Partition the record came from; -1 when it did not come from Kafka.</param>
/// <param name="KafkaOffset">Its offset: the publication order of one patient's events.</param>
public sealed record AlarmEventRecord(
    AlarmEvent Event, string Kind, WardId? Ward, BedId? Bed, ReadOnlyMemory<byte> Payload, int KafkaPartition = -1, long KafkaOffset = 0);
