using CareStream.Fhir.Terminology;

namespace CareStream.Fhir.Alerts;

/// <summary>
/// Code systems, codes and extension URLs of the alarm <c>Flag</c> (see docs/alarms-fhir-mapping.md).
/// The CareStream URLs live under <see cref="FhirSystems.CareStreamBase"/>; the HL7 ones are R4 core.
/// </summary>
public static class AlarmFhirCodes
{
    private const string Extensions = FhirSystems.CareStreamBase + "/StructureDefinition/";

    /// <summary>R4 core extension carrying the IHE / IEC 60601-1-8 priority (PH, PM, PL, PN) on a Flag.</summary>
    public const string FlagPriorityExtension = "http://hl7.org/fhir/StructureDefinition/flag-priority";

    /// <summary>R4 core extension pointing at a resource that gives the detail of a Flag (here: evidence Observations).</summary>
    public const string FlagDetailExtension = "http://hl7.org/fhir/StructureDefinition/flag-detail";

    /// <summary>HL7 flag-priority code system (IHE PCD Table B.8-4).</summary>
    public const string FlagPrioritySystem = "http://terminology.hl7.org/CodeSystem/flag-priority-code";

    /// <summary>flag-priority: high priority alarm.</summary>
    public const string PriorityHigh = "PH";

    /// <summary>flag-priority: medium priority alarm.</summary>
    public const string PriorityMedium = "PM";

    /// <summary>flag-priority: low priority alarm.</summary>
    public const string PriorityLow = "PL";

    /// <summary>HL7 flag category code system; every alarm also carries <see cref="FlagCategoryClinical"/>.</summary>
    public const string FlagCategorySystem = "http://terminology.hl7.org/CodeSystem/flag-category";

    /// <summary>flag-category <c>clinical</c>: the Flag concerns the patient's clinical state (true of technical alarms too: they mean missing monitoring).</summary>
    public const string FlagCategoryClinical = "clinical";

    /// <summary>CareStream code system of IEC 60601-1-8 alarm-condition kinds (codes <see cref="Physiological"/>, <see cref="Technical"/>); mirrors DeviceAlert.category.</summary>
    public const string AlarmCategorySystem = FhirSystems.CareStreamBase + "/CodeSystem/alarm-category";

    /// <summary>An alarm condition arising from a monitored patient variable.</summary>
    public const string Physiological = "physiological";

    /// <summary>An alarm condition arising from the equipment or the data path.</summary>
    public const string Technical = "technical";

    /// <summary>CareStream code system of alarm conditions (codes are <c>AlarmEpisode.Condition</c>, e.g. <c>HeartRateHigh</c>); mirrors DeviceAlert.type.</summary>
    public const string AlarmConditionSystem = FhirSystems.CareStreamBase + "/CodeSystem/alarm-condition";

    /// <summary>CareStream code system of the alarm lifecycle (raised, escalated, acknowledged, resolved).</summary>
    public const string AlarmStatusSystem = FhirSystems.CareStreamBase + "/CodeSystem/alarm-status";

    /// <summary>Identifier system of the deterministic alarm episode id (also the Flag's logical id).</summary>
    public const string EpisodeIdentifier = FhirSystems.CareStreamBase + "/sid/alarm-episode";

    /// <summary>Extension (valueCoding, <see cref="AlarmStatusSystem"/>): the lifecycle state, finer than Flag.status.</summary>
    public const string LifecycleStatusExtension = Extensions + "alarm-lifecycle-status";

    /// <summary>Extension (valueBoolean): whether the alarm condition holds now (DeviceAlert.presence).</summary>
    public const string ConditionPresentExtension = Extensions + "alarm-condition-present";

    /// <summary>Extension (valueDateTime): when the alarm condition began, before the alarm-condition delay.</summary>
    public const string ConditionOnsetExtension = Extensions + "alarm-condition-onset";

    /// <summary>Extension (complex: <c>at</c> valueDateTime, <c>by</c> valueString): IEC ALARM RESET (DeviceAlert.acknowledged/acknowledgedBy).</summary>
    public const string AcknowledgedExtension = Extensions + "alarm-acknowledged";

    /// <summary>Extension (valueDateTime): IEC AUDIO PAUSED until this instant.</summary>
    public const string AudioPausedUntilExtension = Extensions + "alarm-audio-paused-until";

    /// <summary>Extension (valueInteger): escalation tier, 0 until escalated.</summary>
    public const string EscalationLevelExtension = Extensions + "alarm-escalation-level";

    /// <summary>Extension (valueBoolean): latching (true) or non-latching alarm signal.</summary>
    public const string LatchingExtension = Extensions + "alarm-latching";

    /// <summary>Extension (complex: <c>id</c> valueString, <c>version</c> valueInteger): the rule that raised the alarm.</summary>
    public const string RuleExtension = Extensions + "alarm-rule";

    /// <summary>Extension (complex: <c>ward</c>, <c>bed</c> valueString): where the patient lay (DeviceAlert.location).</summary>
    public const string LocationExtension = Extensions + "alarm-location";
}
