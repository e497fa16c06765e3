using CareStream.Domain;
using CareStream.Domain.Alerts;
using Hl7.Fhir.Model;
using static CareStream.Fhir.Alerts.AlarmFhirCodes;

namespace CareStream.Fhir.Alerts;

/// <summary>
/// Maps an alarm episode to an R4 <see cref="Flag"/>, shaped after the draft R6 DeviceAlert (docs/alarms-fhir-mapping.md).
/// Pure: the same episode always gives the same Flag, with logical id = episode id, so a store, the FHIR API and
/// subscription notifications agree. Serialise with <see cref="Mapping.FhirJson"/>.
/// </summary>
public static class FlagMapper
{
    /// <summary>The Flag of <paramref name="episode"/>.</summary>
    /// <param name="episode">The episode's current state.</param>
    /// <param name="evidenceObservationIds">Observations that triggered it (become <c>flag-detail</c> references); null for none.</param>
    /// <param name="ward">The patient's ward when the alarm was published, if known.</param>
    /// <param name="bed">The patient's bed when the alarm was published, if known.</param>
    public static Flag ToFlag(
        AlarmEpisode episode, IReadOnlyList<string>? evidenceObservationIds = null, WardId? ward = null, BedId? bed = null)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var flag = new Flag
        {
            Id = episode.EpisodeId,
            Identifier = [new Identifier(EpisodeIdentifier, episode.EpisodeId)],
            Status = episode.IsOpen ? Flag.FlagStatus.Active : Flag.FlagStatus.Inactive,
            Category =
            [
                new CodeableConcept(AlarmCategorySystem, CategoryCode(episode.Category)),
                new CodeableConcept(FlagCategorySystem, FlagCategoryClinical, "Clinical"),
            ],
            Code = new CodeableConcept(AlarmConditionSystem, episode.Condition, episode.Condition),
            Subject = new ResourceReference("Patient/" + episode.Patient.Value),
            Period = new Period(new FhirDateTime(episode.RaisedAt), episode.ResolvedAt is { } end ? new FhirDateTime(end) : null),
        };

        flag.Extension.Add(new Extension(FlagPriorityExtension,
            new CodeableConcept(FlagPrioritySystem, PriorityCode(episode.Priority), PriorityDisplay(episode.Priority))));
        flag.Extension.Add(new Extension(LifecycleStatusExtension, new Coding(AlarmStatusSystem, StatusCode(episode.Status))));
        flag.Extension.Add(new Extension(ConditionPresentExtension, new FhirBoolean(episode.ConditionActive)));
        flag.Extension.Add(new Extension(ConditionOnsetExtension, new FhirDateTime(episode.ConditionStartedAt)));
        flag.Extension.Add(new Extension(LatchingExtension, new FhirBoolean(episode.Latching)));
        flag.Extension.Add(new Extension(EscalationLevelExtension, new Integer(episode.EscalationLevel)));
        flag.Extension.Add(Complex(RuleExtension, ("id", new FhirString(episode.RuleId)), ("version", new Integer(episode.RuleVersion))));
        if (episode.AcknowledgedAt is { } acknowledgedAt)
        {
            flag.Extension.Add(Complex(AcknowledgedExtension,
                ("at", new FhirDateTime(acknowledgedAt)),
                ("by", episode.AcknowledgedBy is { } by ? new FhirString(by) : null)));
        }

        if (episode.AudioPausedUntil is { } pausedUntil)
        {
            flag.Extension.Add(new Extension(AudioPausedUntilExtension, new FhirDateTime(pausedUntil)));
        }

        if (ward is not null || bed is not null)
        {
            flag.Extension.Add(Complex(LocationExtension,
                ("ward", ward is { } w ? new FhirString(w.Value) : null),
                ("bed", bed is { } b ? new FhirString(b.Value) : null)));
        }

        foreach (var id in evidenceObservationIds ?? [])
        {
            flag.Extension.Add(new Extension(FlagDetailExtension, new ResourceReference("Observation/" + id)));
        }

        return flag;
    }

    /// <summary>The flag-priority code (PH, PM, PL) of an IEC 60601-1-8 priority.</summary>
    public static string PriorityCode(AlarmPriority priority) => priority switch
    {
        AlarmPriority.High => PriorityHigh,
        AlarmPriority.Medium => PriorityMedium,
        AlarmPriority.Low => PriorityLow,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown alarm priority."),
    };

    /// <summary>The alarm-category code of an IEC 60601-1-8 alarm-condition kind.</summary>
    public static string CategoryCode(AlarmCategory category) => category switch
    {
        AlarmCategory.Physiological => Physiological,
        AlarmCategory.Technical => Technical,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown alarm category."),
    };

    /// <summary>The alarm-status code of a lifecycle state.</summary>
    public static string StatusCode(AlarmStatus status) => status switch
    {
        AlarmStatus.Raised => "raised",
        AlarmStatus.Escalated => "escalated",
        AlarmStatus.Acknowledged => "acknowledged",
        AlarmStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown alarm status."),
    };

    private static string PriorityDisplay(AlarmPriority priority) => priority switch
    {
        AlarmPriority.High => "High priority",
        AlarmPriority.Medium => "Medium priority",
        _ => "Low priority",
    };

    private static Extension Complex(string url, params (string Url, DataType? Value)[] parts)
    {
        var extension = new Extension { Url = url };
        foreach (var (partUrl, value) in parts)
        {
            if (value is not null)
            {
                extension.Extension.Add(new Extension(partUrl, value));
            }
        }

        return extension;
    }
}
