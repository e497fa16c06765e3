using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;

namespace CareStream.Fhir.Ingress;

/// <summary>
/// Converts ingress units to the canonical UCUM unit of a kind, only where the meaning is unambiguous, and explains
/// every refusal. Factors are UCUM's own definitions: <c>[degF]</c> = 5/9 K offset by 459.67, i.e. °C = (°F − 32) × 5/9;
/// <c>mm[Hg]</c> = 133.322 Pa (UCUM <c>m[Hg]</c> = 133.3220 kPa), so 1 kPa = 1000/133.322 mm[Hg].
/// </summary>
public static class UnitConversion
{
    /// <summary>Pascal per mm[Hg] as UCUM defines it.</summary>
    public const double PascalPerMillimetreOfMercury = 133.322;

    /// <summary>°F to °C.</summary>
    public static double FahrenheitToCelsius(double fahrenheit) => (fahrenheit - 32) * 5 / 9;

    /// <summary>kPa to mm[Hg].</summary>
    public static double KilopascalToMillimetreOfMercury(double kilopascal) => kilopascal * 1000 / PascalPerMillimetreOfMercury;

    /// <summary>
    /// Converts <paramref name="value"/> in UCUM <paramref name="unitCode"/> to the canonical unit of <paramref name="kind"/>.
    /// Returns false with a reason a person can read when the unit is not accepted for the kind.
    /// </summary>
    public static bool TryToCanonical(VitalSignKind kind, string? unitCode, double value, out double canonical, out string reason)
    {
        canonical = value;
        reason = string.Empty;
        switch (kind)
        {
            case VitalSignKind.HeartRate or VitalSignKind.PulseRate or VitalSignKind.RespiratoryRate when unitCode == Ucum.PerMinute:
            case VitalSignKind.OxygenSaturation when unitCode == Ucum.Percent:
            case VitalSignKind.BodyTemperature when unitCode == Ucum.Celsius:
            case VitalSignKind.SystolicBloodPressure or VitalSignKind.DiastolicBloodPressure or VitalSignKind.MeanBloodPressure
                when unitCode == Ucum.MillimetreOfMercury:
                return true;
            case VitalSignKind.BodyTemperature when unitCode == Ucum.Fahrenheit:
                canonical = FahrenheitToCelsius(value);
                return true;
            case VitalSignKind.SystolicBloodPressure or VitalSignKind.DiastolicBloodPressure or VitalSignKind.MeanBloodPressure
                when unitCode == Ucum.Kilopascal:
                canonical = KilopascalToMillimetreOfMercury(value);
                return true;
        }

        reason = Explain(kind, unitCode);
        return false;
    }

    private static string Explain(VitalSignKind kind, string? unitCode)
    {
        var expected = kind switch
        {
            VitalSignKind.HeartRate or VitalSignKind.PulseRate or VitalSignKind.RespiratoryRate => "'/min'",
            VitalSignKind.OxygenSaturation => "'%'",
            VitalSignKind.BodyTemperature => "'Cel' or '[degF]'",
            _ => "'mm[Hg]' or 'kPa'",
        };
        return unitCode switch
        {
            null or "" => $"valueQuantity.code is missing; {kind} needs UCUM {expected}.",
            "{beats}/min" => $"'{{beats}}/min' is valid UCUM but the R4 heart-rate profile fixes '/min'; {kind} needs {expected}.",
            "mmHg" or "bpm" or "count/min" or "breaths/minute" or "beats/min" or "°C" or "°F" or "C" or "degC" =>
                $"'{unitCode}' is not a UCUM code; {kind} needs UCUM {expected}.",
            _ => $"Unit '{unitCode}' is not accepted for {kind}; expected UCUM {expected}.",
        };
    }
}
