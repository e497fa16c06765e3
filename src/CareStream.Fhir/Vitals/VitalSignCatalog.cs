using System.Collections.Frozen;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;

namespace CareStream.Fhir.Vitals;

/// <summary>
/// The coding table of CareStream vital signs: LOINC, canonical UCUM unit, profiles, accepted MDC codes and the
/// physiologic plausibility range per <see cref="VitalSignKind"/>.
/// </summary>
/// <remarks>
/// Plausibility ranges reject values no living patient can have (device or transcription faults), not abnormal ones:
/// HR/pulse 0–350 /min and SpO2 0–100 % (issue 3), RR 0–200 /min (covers neonates; ventilator rates in Hz are
/// out of scope), temperature 15–45 Cel (survived accidental hypothermia and lethal hyperthermia lie inside),
/// blood pressure 0–400 mm[Hg] (NIBP cuffs top out near 300). The same bounds are invariants in fhir-profiles/,
/// so the fast parser and the Firely validator agree.
/// </remarks>
public static class VitalSignCatalog
{
    /// <summary>MDC compound codes accepted as the second coding of a BP panel (NIBP, arterial, arterial line).</summary>
    public static IReadOnlyList<int> BloodPressurePanelMdcCodes { get; } =
        [Mdc.NonInvasiveBloodPressure, Mdc.ArterialBloodPressure, Mdc.ArterialLineBloodPressure];

    private static readonly FrozenDictionary<VitalSignKind, VitalSignDefinition> ByKind = new VitalSignDefinition[]
    {
        new(VitalSignKind.HeartRate, Loinc.HeartRate, "Heart rate", Ucum.PerMinute,
            CareStreamProfiles.Core.HeartRate, CareStreamProfiles.HeartRate, [Mdc.EcgHeartRate], 0, 350),
        new(VitalSignKind.PulseRate, Loinc.HeartRate, "Heart rate", Ucum.PerMinute, CareStreamProfiles.Core.HeartRate,
            CareStreamProfiles.PulseRate, [Mdc.PulseOximeterPulseRate, Mdc.PulseRateNonInvasive, Mdc.PulseRate], 0, 350),
        new(VitalSignKind.OxygenSaturation, Loinc.OxygenSaturation, "Oxygen saturation in Arterial blood", Ucum.Percent,
            CareStreamProfiles.Core.OxygenSaturation, CareStreamProfiles.OxygenSaturation,
            [Mdc.PulseOximeterSaturation, Mdc.ArterialSaturation], 0, 100),
        new(VitalSignKind.RespiratoryRate, Loinc.RespiratoryRate, "Respiratory rate", Ucum.PerMinute,
            CareStreamProfiles.Core.RespiratoryRate, CareStreamProfiles.RespiratoryRate,
            [Mdc.RespiratoryRate, Mdc.AirwayRespiratoryRate, Mdc.TransthoracicRespiratoryRate, Mdc.Co2RespiratoryRate], 0, 200),
        new(VitalSignKind.BodyTemperature, Loinc.BodyTemperature, "Body temperature", Ucum.Celsius,
            CareStreamProfiles.Core.BodyTemperature, CareStreamProfiles.BodyTemperature,
            [Mdc.BodyTemperature, Mdc.CoreTemperature, Mdc.TympanicTemperature, Mdc.OralTemperature,
             Mdc.AxillaryTemperature, Mdc.RectalTemperature], 15, 45),
        new(VitalSignKind.SystolicBloodPressure, Loinc.Systolic, "Systolic blood pressure", Ucum.MillimetreOfMercury,
            CareStreamProfiles.Core.BloodPressure, CareStreamProfiles.BloodPressure,
            [Mdc.NonInvasiveSystolic, Mdc.ArterialSystolic, Mdc.ArterialLineSystolic], 0, 400),
        new(VitalSignKind.DiastolicBloodPressure, Loinc.Diastolic, "Diastolic blood pressure", Ucum.MillimetreOfMercury,
            CareStreamProfiles.Core.BloodPressure, CareStreamProfiles.BloodPressure,
            [Mdc.NonInvasiveDiastolic, Mdc.ArterialDiastolic, Mdc.ArterialLineDiastolic], 0, 400),
        new(VitalSignKind.MeanBloodPressure, Loinc.MeanArterial, "Mean blood pressure", Ucum.MillimetreOfMercury,
            CareStreamProfiles.Core.BloodPressure, CareStreamProfiles.BloodPressure,
            [Mdc.NonInvasiveMean, Mdc.ArterialMean, Mdc.ArterialLineMean], 0, 400),
    }.ToFrozenDictionary(d => d.Kind);

    private static readonly FrozenDictionary<int, VitalSignDefinition> ByMdc =
        ByKind.Values.SelectMany(d => d.MdcCodes.Select(c => (c, d))).ToFrozenDictionary(p => p.c, p => p.d);

    // Heart rate and pulse rate share LOINC 8867-4; by LOINC alone it means heart rate (the MDC code decides).
    private static readonly FrozenDictionary<string, VitalSignDefinition> ByLoinc = ByKind.Values
        .Where(d => d.Kind != VitalSignKind.PulseRate)
        .ToFrozenDictionary(d => d.LoincCode, StringComparer.Ordinal);

    /// <summary>All definitions, in <see cref="VitalSignKind"/> order.</summary>
    public static IEnumerable<VitalSignDefinition> All => ByKind.Values.OrderBy(d => d.Kind);

    /// <summary>The definition of <paramref name="kind"/>.</summary>
    public static VitalSignDefinition Get(VitalSignKind kind) =>
        ByKind.TryGetValue(kind, out var d) ? d : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown vital sign kind.");

    /// <summary>
    /// Looks up the kind one coding names: a LOINC code (8867-4 yields heart rate) or an MDC numeric code.
    /// The BP panel code itself (85354-9) names no single kind and returns false.
    /// </summary>
    public static bool TryGetKind(string? system, string? code, out VitalSignKind kind)
    {
        VitalSignDefinition? definition = null;
        if (system == FhirSystems.Loinc && code is not null)
        {
            ByLoinc.TryGetValue(code, out definition);
        }
        else if (system == FhirSystems.Mdc && int.TryParse(code, System.Globalization.NumberStyles.None, null, out var mdc))
        {
            ByMdc.TryGetValue(mdc, out definition);
        }

        kind = definition?.Kind ?? default;
        return definition is not null;
    }

    /// <summary>The definition a LOINC + MDC pair codes, or null when the pair is not one CareStream accepts.</summary>
    public static VitalSignDefinition? Resolve(string loincCode, int mdcCode) =>
        ByMdc.TryGetValue(mdcCode, out var d) && d.LoincCode == loincCode ? d : null;

    /// <summary>The definition a LOINC code alone suggests (heart rate for 8867-4), or null.</summary>
    public static VitalSignDefinition? ByLoincCode(string loincCode) => ByLoinc.GetValueOrDefault(loincCode);
}
