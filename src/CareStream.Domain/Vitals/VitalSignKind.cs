namespace CareStream.Domain.Vitals;

/// <summary>
/// The numeric vital signs CareStream carries. Codes (LOINC, MDC) and units (UCUM) live in CareStream.Fhir;
/// the domain only names the quantity.
/// </summary>
public enum VitalSignKind
{
    HeartRate = 1,
    PulseRate = 2,
    OxygenSaturation = 3,
    RespiratoryRate = 4,
    BodyTemperature = 5,
    SystolicBloodPressure = 6,
    DiastolicBloodPressure = 7,
    MeanBloodPressure = 8,
}
