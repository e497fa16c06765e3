using System.Collections.Frozen;
using CareStream.Fhir.Terminology;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// IEEE 11073-10101 unit codes (partition 4, MDC_PART_DIM: code = 4 × 65536 + term code) a PCD-01 OBX-6 may carry,
/// mapped to UCUM. Only units whose codes were confirmed in public sources are listed; anything else is rejected.
/// </summary>
/// <remarks>
/// Term codes as in the IEEE 11073-20601 nomenclature tables published in open device stacks (e.g. the Antidote /
/// Signove <c>nomenclature.h</c> and several Personal Health Device code lists): MDC_DIM_PERCENT 544,
/// MDC_DIM_BEAT_PER_MIN 2720, MDC_DIM_RESP_PER_MIN 2784, MDC_DIM_KILO_PASCAL 3843, MDC_DIM_MMHG 3872,
/// MDC_DIM_FAHR 4416, MDC_DIM_DEGC 6048. The PCD-01 samples in IHE PCD TF-2 use 264864 and 266016
/// (clinical-facts.md [S5]); a public SDC unit list confirms 262688, 264864, 264928 and 266560 (FAHRENHEIT).
/// One public test fixture writes <c>268224^MDC_DIM_FAHR</c>; that contradicts the term-code tables and is not
/// accepted. Confirm against RTMMS before release (clinical-facts.md [S4]).
/// </remarks>
public static class MdcUnits
{
    public const int Percent = 262688;
    public const int BeatsPerMinute = 264864;
    public const int BreathsPerMinute = 264928;
    public const int Kilopascal = 265987;
    public const int MillimetreOfMercury = 266016;
    public const int Fahrenheit = 266560;
    public const int Celsius = 268192;

    private static readonly FrozenDictionary<int, string> ToUcumMap = new Dictionary<int, string>
    {
        [Percent] = Ucum.Percent,
        [BeatsPerMinute] = Ucum.PerMinute,
        [BreathsPerMinute] = Ucum.PerMinute,
        [Kilopascal] = Ucum.Kilopascal,
        [MillimetreOfMercury] = Ucum.MillimetreOfMercury,
        [Fahrenheit] = Ucum.Fahrenheit,
        [Celsius] = Ucum.Celsius,
    }.ToFrozenDictionary();

    /// <summary>The UCUM code of an MDC unit code CareStream knows, or null.</summary>
    public static string? ToUcum(int mdcUnitCode) => ToUcumMap.GetValueOrDefault(mdcUnitCode);
}
