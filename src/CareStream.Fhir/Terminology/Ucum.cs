namespace CareStream.Fhir.Terminology;

/// <summary>UCUM unit codes (<c>valueQuantity.code</c>, system <see cref="FhirSystems.Ucum"/>) of the R4 vital-signs profiles.</summary>
/// <remarks>
/// <c>mmHg</c>, <c>bpm</c>, <c>count/min</c>, <c>breaths/minute</c> and <c>°C</c> are not UCUM codes; <c>{beats}/min</c> is valid UCUM
/// but fails the R4 heart-rate profile, which fixes <c>/min</c> (clinical-facts.md §1).
/// </remarks>
public static class Ucum
{
    /// <summary>Per minute: heart rate, pulse rate, respiratory rate.</summary>
    public const string PerMinute = "/min";

    /// <summary>Percent: SpO2.</summary>
    public const string Percent = "%";

    /// <summary>Degree Celsius: the canonical body-temperature unit.</summary>
    public const string Celsius = "Cel";

    /// <summary>Degree Fahrenheit: accepted at ingress (value set <c>ucum-bodytemp</c>), converted to <see cref="Celsius"/>.</summary>
    public const string Fahrenheit = "[degF]";

    /// <summary>Millimetre of mercury: the canonical blood-pressure unit.</summary>
    public const string MillimetreOfMercury = "mm[Hg]";

    /// <summary>Kilopascal: accepted at ingress for blood pressure, converted to <see cref="MillimetreOfMercury"/>.</summary>
    public const string Kilopascal = "kPa";
}
