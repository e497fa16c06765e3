using System.Collections.Frozen;
using CareStream.Domain.Vitals;

namespace CareStream.Fhir.Vitals;

/// <summary>How CareStream codes one <see cref="VitalSignKind"/> in FHIR R4.</summary>
/// <param name="Kind">The quantity.</param>
/// <param name="LoincCode">LOINC code (first coding of <c>Observation.code</c>, or of the BP component).</param>
/// <param name="Display">LOINC display.</param>
/// <param name="CanonicalUnit">The UCUM code values are stored and emitted in.</param>
/// <param name="CoreProfile">The R4 vital-signs profile the CareStream profile derives from.</param>
/// <param name="Profile">The CareStream profile (for BP components: the BP panel profile).</param>
/// <param name="MdcCodes">MDC codes accepted as the second coding; the first is the default the writers use.</param>
/// <param name="Minimum">Lowest physiologically possible value in <paramref name="CanonicalUnit"/> (inclusive).</param>
/// <param name="Maximum">Highest physiologically possible value in <paramref name="CanonicalUnit"/> (inclusive).</param>
public sealed record VitalSignDefinition(
    VitalSignKind Kind,
    string LoincCode,
    string Display,
    string CanonicalUnit,
    string CoreProfile,
    string Profile,
    IReadOnlyList<int> MdcCodes,
    double Minimum,
    double Maximum)
{
    private readonly FrozenSet<int> _mdcSet = MdcCodes.ToFrozenSet();

    /// <summary>True for systolic, diastolic and mean: values travel as components of a BP panel.</summary>
    public bool IsBloodPressureComponent => Kind is VitalSignKind.SystolicBloodPressure
        or VitalSignKind.DiastolicBloodPressure or VitalSignKind.MeanBloodPressure;

    /// <summary>The MDC code a writer uses when it has none of its own.</summary>
    public int DefaultMdcCode => MdcCodes[0];

    /// <summary>Whether <paramref name="mdcCode"/> is accepted for this kind.</summary>
    public bool AcceptsMdc(int mdcCode) => _mdcSet.Contains(mdcCode);

    /// <summary>Whether a value in the canonical unit is physiologically possible (bounds inclusive).</summary>
    public bool IsPlausible(double value) => value >= Minimum && value <= Maximum;
}
