using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Messaging.Alerts;

/// <summary>One decoded alert record: the alarm event and where the patient lay when it was published.</summary>
/// <param name="Event">The alarm event (its episode carries the full alarm state).</param>
/// <param name="Ward">The patient's ward from the registry at publication, null when unknown.</param>
/// <param name="Bed">The patient's bed from the registry at publication, null when unknown.</param>
public sealed record AlarmEventEnvelope(AlarmEvent Event, WardId? Ward, BedId? Bed);
