namespace CareStream.Fhir.Terminology;

/// <summary>
/// LOINC codes of the FHIR R4 vital-signs profiles (value set <c>observation-vitalsignresult</c>) that CareStream carries.
/// System: <see cref="FhirSystems.Loinc"/>.
/// </summary>
public static class Loinc
{
    /// <summary>Heart rate (R4 profile <c>heartrate</c>); also used for pulse rate, told apart by the MDC coding.</summary>
    public const string HeartRate = "8867-4";

    /// <summary>Oxygen saturation in arterial blood (R4 profile <c>oxygensat</c>).</summary>
    public const string OxygenSaturation = "2708-6";

    /// <summary>Oxygen saturation by pulse oximetry; added next to <see cref="OxygenSaturation"/> for oximeters (US Core asks for both).</summary>
    public const string OxygenSaturationByPulseOximetry = "59408-5";

    /// <summary>Respiratory rate (R4 profile <c>resprate</c>).</summary>
    public const string RespiratoryRate = "9279-1";

    /// <summary>Body temperature (R4 profile <c>bodytemp</c>).</summary>
    public const string BodyTemperature = "8310-5";

    /// <summary>Blood pressure panel with all children optional (R4 profile <c>bp</c>); values go in components.</summary>
    public const string BloodPressurePanel = "85354-9";

    /// <summary>Systolic blood pressure (BP panel component, required).</summary>
    public const string Systolic = "8480-6";

    /// <summary>Diastolic blood pressure (BP panel component, required).</summary>
    public const string Diastolic = "8462-4";

    /// <summary>Mean blood pressure (extra BP panel component; not an R4 core profile of its own).</summary>
    public const string MeanArterial = "8478-0";

    /// <summary>Vital signs panel (grouping via <c>hasMember</c>).</summary>
    public const string VitalSignsPanel = "85353-1";
}
