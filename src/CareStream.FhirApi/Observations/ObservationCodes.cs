using System.Globalization;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// Token search on <c>Observation.code</c> as CareStream renders it: a reading of kind K with MDC code m carries the
/// LOINC code of K and m (a BP panel: 85354-9 and the panel's MDC compound code; an oximeter SpO2 also 59408-5).
/// A token matches the stored rows whose rendered codings contain it, so LOINC 8867-4 covers heart rate and pulse
/// rate, and MDC 149530 only pulse rate measured by an oximeter.
/// </summary>
public static class ObservationCodes
{
    /// <summary>The rows one comma-separated token list matches (ORed); an empty set matches nothing.</summary>
    public static HashSet<KindCode> Match(string tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var terms = new HashSet<KindCode>();
        foreach (var token in tokens.Split(','))
        {
            var (system, code) = FhirReference.SplitToken(token);
            if (system is null or FhirSystems.Loinc)
            {
                terms.UnionWith(MatchLoinc(code));
            }

            if (system is null or FhirSystems.Mdc)
            {
                terms.UnionWith(MatchMdc(code));
            }
        }

        // A kind matched with any MDC code makes its MDC-specific terms redundant (and would return rows twice).
        var any = terms.Where(t => t.MdcCode == KindCode.AnyMdc).Select(t => t.Kind).ToHashSet();
        terms.RemoveWhere(t => t.MdcCode != KindCode.AnyMdc && any.Contains(t.Kind));
        return terms;
    }

    /// <summary>Whether one category token list (ORed) names vital-signs, the only category CareStream stores.</summary>
    public static bool IsVitalSigns(string tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return tokens.Split(',').Select(FhirReference.SplitToken).Any(t =>
            (t.System is null or FhirSystems.ObservationCategory && t.Code == FhirSystems.VitalSignsCategory)
            || (t.System == FhirSystems.ObservationCategory && t.Code.Length == 0));
    }

    /// <summary>The statuses one token list names (ORed); codes CareStream never stores match nothing.</summary>
    public static HashSet<ObservationStatus> Statuses(string tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var statuses = new HashSet<ObservationStatus>();
        foreach (var (system, code) in tokens.Split(',').Select(FhirReference.SplitToken))
        {
            if (system is null or "http://hl7.org/fhir/observation-status" && Status(code) is { } status)
            {
                statuses.Add(status);
            }
        }

        return statuses;
    }

    internal static ObservationStatus? Status(string code) => code switch
    {
        "preliminary" => ObservationStatus.Preliminary,
        "final" => ObservationStatus.Final,
        "amended" => ObservationStatus.Amended,
        "entered-in-error" => ObservationStatus.EnteredInError,
        _ => null,
    };

    private static IEnumerable<KindCode> MatchLoinc(string code)
    {
        foreach (var d in VitalSignCatalog.All)
        {
            if (d.IsBloodPressureComponent ? code is "" or Loinc.BloodPressurePanel : code.Length == 0 || code == d.LoincCode)
            {
                yield return new KindCode(d.Kind);
            }
        }

        if (code == Loinc.OxygenSaturationByPulseOximetry)
        {
            yield return new KindCode(VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation);
        }
    }

    private static IEnumerable<KindCode> MatchMdc(string code)
    {
        if (code.Length == 0)
        {
            foreach (var d in VitalSignCatalog.All)
            {
                yield return new KindCode(d.Kind);
            }

            yield break;
        }

        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var mdc) || mdc == KindCode.AnyMdc)
        {
            yield break;
        }

        foreach (var d in VitalSignCatalog.All)
        {
            foreach (var own in d.MdcCodes)
            {
                // BP rows carry component codes; the rendered Observation.code carries their panel's compound code.
                if (d.IsBloodPressureComponent ? Mdc.BloodPressurePanelOf(own) == mdc : own == mdc)
                {
                    yield return new KindCode(d.Kind, own);
                }
            }
        }
    }
}
