using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Messaging.Alerts;
using CareStream.Storage.Alerts;

namespace CareStream.Storage.IntegrationTests.Alerts;

/// <summary>Synthetic alarm events of one episode, as the rules engine would publish them.</summary>
internal sealed class AlarmEvents(PatientId patient, DateTimeOffset raisedAt, string? episodeId = null)
{
    public string EpisodeId { get; } = episodeId ?? $"ep-{Guid.NewGuid():N}";

    public AlarmEpisode Raised => new(
        EpisodeId, "limit.spo2", 2, patient, AlarmCategory.Physiological, AlarmPriority.Medium, "OxygenSaturationLow",
        Latching: false, AlarmStatus.Raised, raisedAt.AddSeconds(-10), raisedAt, ConditionActive: true, EscalationLevel: 0,
        raisedAt, null, null, null, null);

    public AlarmEvent Raise(params string[] evidence) =>
        new AlarmRaised(EpisodeId + "-raised", Raised, raisedAt, "SpO2 89 %", evidence);

    public AlarmEvent Acknowledge(DateTimeOffset at) => new AlarmAcknowledged(
        EpisodeId + "-ack", Raised with { Status = AlarmStatus.Acknowledged, AcknowledgedAt = at, AcknowledgedBy = "nurse-7" }, at, "nurse-7");

    public AlarmEvent Escalate(DateTimeOffset at) => new AlarmEscalated(
        EpisodeId + "-esc", Raised with { Status = AlarmStatus.Escalated, EscalationLevel = 1, LastAnnouncedAt = at }, at, "timeout");

    public AlarmEvent IncreasePriority(DateTimeOffset at) => new AlarmPriorityIncreased(
        EpisodeId + "-prio", Raised with { Status = AlarmStatus.Escalated, EscalationLevel = 1, Priority = AlarmPriority.High }, at, AlarmPriority.Medium);

    public AlarmEvent Resolve(DateTimeOffset at, AlarmEpisode? before = null) => new AlarmResolved(
        EpisodeId + "-resolved", (before ?? Raised) with { Status = AlarmStatus.Resolved, ConditionActive = false, ResolvedAt = at }, at, "cleared");

    public static AlarmEventRecord Record(AlarmEvent alarmEvent, long offset, int partition = 0, string ward = "ward-a", string bed = "bed-1") =>
        new(alarmEvent, AlarmEventCodec.TypeOf(alarmEvent), new WardId(ward), new BedId(bed),
            AlarmEventCodec.Encode(alarmEvent, new WardId(ward), new BedId(bed)), partition, offset);
}
