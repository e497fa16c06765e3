using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Messaging.Alerts;

/// <summary>
/// Wire format of <c>carestream.alerts.v1</c>: key = patient id, value = one UTF-8 JSON object per alarm event,
/// schema version 1. Fields (camelCase; absent = null):
/// <list type="bullet">
/// <item><c>schemaVersion</c> (1), <c>eventId</c> (deterministic: consumers de-duplicate on it), <c>type</c>
/// (<c>raised</c> | <c>escalated</c> | <c>acknowledged</c> | <c>resolved</c> | <c>audioPaused</c> | <c>priorityIncreased</c>
/// | <c>annotated</c>),
/// <c>occurredAt</c> (ISO 8601 with offset).</item>
/// <item>Where: <c>patient</c>, <c>ward</c> and <c>bed</c> (registry, null when unknown).</item>
/// <item>The episode after the change: <c>episodeId</c>, <c>ruleId</c>, <c>ruleVersion</c>, <c>category</c>
/// (<c>physiological</c> | <c>technical</c>), <c>priority</c> (<c>high</c> | <c>medium</c> | <c>low</c>), <c>priorityCode</c>
/// (FHIR flag-priority <c>PH</c> | <c>PM</c> | <c>PL</c>), <c>condition</c> (code such as <c>OxygenSaturationLow</c>),
/// <c>latching</c>, <c>status</c> (<c>raised</c> | <c>escalated</c> | <c>acknowledged</c> | <c>resolved</c>),
/// <c>conditionStartedAt</c>, <c>raisedAt</c>, <c>conditionActive</c>, <c>escalationLevel</c>, <c>lastAnnouncedAt</c>,
/// <c>acknowledgedAt</c>, <c>acknowledgedBy</c>, <c>audioPausedUntil</c>, <c>resolvedAt</c>.</item>
/// <item>Per type: <c>detail</c> and <c>evidenceObservationIds</c> (raised), <c>reason</c> (escalated, resolved),
/// <c>by</c> (acknowledged, audioPaused, annotated), <c>previousPriority</c> (priorityIncreased), <c>assessment</c>
/// (<c>true-positive</c> | <c>false-positive</c> | <c>non-actionable</c>) and <c>note</c> (annotated; free text, never logged).</item>
/// </list>
/// Every record carries the whole episode, so the latest record of an episode is enough to restore it (F11).
/// Readers ignore unknown fields; a breaking change gets a new topic version, not a new meaning for a field.
/// </summary>
public static class AlarmEventCodec
{
    /// <summary>The schema version this codec writes and reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The record key: the patient id (keeps each patient's alarms ordered, partitioned like observations).</summary>
    public static string KeyOf(AlarmEvent alarmEvent)
    {
        ArgumentNullException.ThrowIfNull(alarmEvent);
        return alarmEvent.Episode.Patient.Value;
    }

    /// <summary>Encodes one event with the patient's current ward and bed (null when the registry does not know them).</summary>
    public static byte[] Encode(AlarmEvent alarmEvent, WardId? ward = null, BedId? bed = null)
    {
        ArgumentNullException.ThrowIfNull(alarmEvent);
        var e = alarmEvent.Episode;
        var message = new AlarmEventMessage
        {
            SchemaVersion = SchemaVersion,
            EventId = alarmEvent.EventId,
            Type = TypeOf(alarmEvent),
            OccurredAt = alarmEvent.OccurredAt,
            EpisodeId = e.EpisodeId,
            RuleId = e.RuleId,
            RuleVersion = e.RuleVersion,
            Patient = e.Patient.Value,
            Ward = ward?.Value,
            Bed = bed?.Value,
            Category = WireNames.Of(e.Category),
            Priority = WireNames.Of(e.Priority),
            PriorityCode = FlagPriority.CodeOf(e.Priority),
            Condition = e.Condition,
            Latching = e.Latching,
            Status = WireNames.Of(e.Status),
            ConditionStartedAt = e.ConditionStartedAt,
            RaisedAt = e.RaisedAt,
            ConditionActive = e.ConditionActive,
            EscalationLevel = e.EscalationLevel,
            LastAnnouncedAt = e.LastAnnouncedAt,
            AcknowledgedAt = e.AcknowledgedAt,
            AcknowledgedBy = e.AcknowledgedBy,
            AudioPausedUntil = e.AudioPausedUntil,
            ResolvedAt = e.ResolvedAt,
        };
        switch (alarmEvent)
        {
            case AlarmRaised raised:
                (message.Detail, message.EvidenceObservationIds) = (raised.Detail, raised.EvidenceObservationIds);
                break;
            case AlarmEscalated escalated:
                message.Reason = escalated.Reason;
                break;
            case AlarmResolved resolved:
                message.Reason = resolved.Reason;
                break;
            case AlarmAcknowledged acknowledged:
                message.By = acknowledged.AcknowledgedBy;
                break;
            case AlarmAudioPaused paused:
                message.By = paused.PausedBy;
                break;
            case AlarmPriorityIncreased increased:
                message.PreviousPriority = WireNames.Of(increased.PreviousPriority);
                break;
            case AlarmAnnotated annotated:
                (message.By, message.Assessment, message.Note) = (annotated.AnnotatedBy, WireNames.Of(annotated.Assessment), annotated.Note);
                break;
        }

        return JsonSerializer.SerializeToUtf8Bytes(message, AlarmEventJsonContext.Default.AlarmEventMessage);
    }

    /// <summary>Decodes one record.</summary>
    /// <exception cref="FormatException">Not an alarm event of a known schema; the message names the field.</exception>
    public static AlarmEventEnvelope Decode(ReadOnlySpan<byte> value)
    {
        AlarmEventMessage? m;
        try
        {
            m = JsonSerializer.Deserialize(value, AlarmEventJsonContext.Default.AlarmEventMessage);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Alert record is not valid JSON: " + ex.Message, ex);
        }

        if (m is null)
        {
            throw new FormatException("Alert record is empty.");
        }

        if (m.SchemaVersion != SchemaVersion)
        {
            throw new FormatException($"Alert record has schemaVersion {m.SchemaVersion}, expected {SchemaVersion}.");
        }

        var episode = new AlarmEpisode(
            Required(m.EpisodeId, "episodeId"), Required(m.RuleId, "ruleId"), m.RuleVersion ?? throw Missing("ruleVersion"),
            new PatientId(Required(m.Patient, "patient")), WireNames.Category(m.Category), WireNames.Priority(m.Priority, "priority"),
            Required(m.Condition, "condition"), m.Latching, WireNames.Status(m.Status),
            m.ConditionStartedAt ?? throw Missing("conditionStartedAt"), m.RaisedAt ?? throw Missing("raisedAt"),
            m.ConditionActive, m.EscalationLevel, m.LastAnnouncedAt ?? throw Missing("lastAnnouncedAt"),
            m.AcknowledgedAt, m.AcknowledgedBy, m.AudioPausedUntil, m.ResolvedAt);
        var id = Required(m.EventId, "eventId");
        var at = m.OccurredAt ?? throw Missing("occurredAt");
        AlarmEvent alarmEvent = m.Type switch
        {
            WireNames.Raised => new AlarmRaised(id, episode, at, m.Detail ?? string.Empty, m.EvidenceObservationIds ?? []),
            WireNames.Escalated => new AlarmEscalated(id, episode, at, m.Reason ?? string.Empty),
            WireNames.Acknowledged => new AlarmAcknowledged(id, episode, at, Required(m.By, "by")),
            WireNames.Resolved => new AlarmResolved(id, episode, at, m.Reason ?? string.Empty),
            WireNames.AudioPaused => new AlarmAudioPaused(id, episode, at, Required(m.By, "by")),
            WireNames.PriorityIncreased => new AlarmPriorityIncreased(id, episode, at, WireNames.Priority(m.PreviousPriority, "previousPriority")),
            WireNames.Annotated => new AlarmAnnotated(
                id, episode, at, Required(m.By, "by"),
                WireNames.TryAssessment(m.Assessment) ?? throw new FormatException($"Alert record has an unknown 'assessment' '{m.Assessment}'."),
                m.Note),
            _ => throw new FormatException($"Alert record has an unknown 'type' '{m.Type}'."),
        };
        return new AlarmEventEnvelope(
            alarmEvent,
            string.IsNullOrWhiteSpace(m.Ward) ? null : new WardId(m.Ward),
            string.IsNullOrWhiteSpace(m.Bed) ? null : new BedId(m.Bed));
    }

    /// <summary>The wire <c>type</c> of an event.</summary>
    public static string TypeOf(AlarmEvent alarmEvent) => alarmEvent switch
    {
        AlarmRaised => WireNames.Raised,
        AlarmEscalated => WireNames.Escalated,
        AlarmAcknowledged => WireNames.Acknowledged,
        AlarmResolved => WireNames.Resolved,
        AlarmAudioPaused => WireNames.AudioPaused,
        AlarmPriorityIncreased => WireNames.PriorityIncreased,
        AlarmAnnotated => WireNames.Annotated,
        _ => throw new ArgumentException($"Unknown alarm event {alarmEvent?.GetType().Name}.", nameof(alarmEvent)),
    };

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(name) : value;

    private static FormatException Missing(string name) => new($"Alert record lacks '{name}'.");
}
