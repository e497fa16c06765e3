namespace CareStream.Fhir.Terminology;

/// <summary>Canonical URLs of the StructureDefinitions in <c>fhir-profiles/</c> and of the R4 core vital-signs profiles they derive from.</summary>
public static class CareStreamProfiles
{
    private const string Base = FhirSystems.CareStreamBase + "/StructureDefinition/";

    /// <summary>Fallback for anything CareStream cannot classify; it fails on an unknown code.</summary>
    public const string VitalSign = Base + "carestream-vital-sign";

    public const string HeartRate = Base + "carestream-heart-rate";
    public const string PulseRate = Base + "carestream-pulse-rate";
    public const string OxygenSaturation = Base + "carestream-oxygen-saturation";
    public const string RespiratoryRate = Base + "carestream-respiratory-rate";
    public const string BodyTemperature = Base + "carestream-body-temperature";
    public const string BloodPressure = Base + "carestream-blood-pressure";

    /// <summary>R4 core vital-signs profiles (FHIR 4.0.1).</summary>
    public static class Core
    {
        public const string VitalSigns = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
        public const string HeartRate = "http://hl7.org/fhir/StructureDefinition/heartrate";
        public const string OxygenSaturation = "http://hl7.org/fhir/StructureDefinition/oxygensat";
        public const string RespiratoryRate = "http://hl7.org/fhir/StructureDefinition/resprate";
        public const string BodyTemperature = "http://hl7.org/fhir/StructureDefinition/bodytemp";
        public const string BloodPressure = "http://hl7.org/fhir/StructureDefinition/bp";
    }
}
