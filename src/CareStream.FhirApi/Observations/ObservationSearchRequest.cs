using System.Globalization;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using CareStream.FhirApi.Http;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Observations;

/// <summary>The supported subset of Observation search, parsed and checked; anything else is ignored (lenient).</summary>
public sealed record ObservationSearchRequest(PatientId Patient, IReadOnlyCollection<VitalSignKind>? Kinds, int Count, string? Cursor)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 1000;

    public static ObservationSearchRequest Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var patient = (string?)query["patient"] ?? (string?)query["subject"];
        if (string.IsNullOrWhiteSpace(patient))
        {
            throw new FhirRequestException(StatusCodes.Status400BadRequest, Hl7.Fhir.Model.OperationOutcome.IssueType.Required,
                "Observation search needs 'patient' (or 'subject'): history is searched per patient.");
        }

        var id = patient.StartsWith("Patient/", StringComparison.Ordinal) ? patient["Patient/".Length..] : patient;
        if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
        {
            throw FhirRequestException.InvalidParameter("patient", "not a valid FHIR id.");
        }

        return new ObservationSearchRequest(new PatientId(id), ParseCodes(query["code"]), ParseCount(query["_count"]), query["_cursor"]);
    }

    private static HashSet<VitalSignKind>? ParseCodes(string? codes)
    {
        if (string.IsNullOrEmpty(codes))
        {
            return null;
        }

        var kinds = new HashSet<VitalSignKind>();
        foreach (var token in codes.Split(','))
        {
            var bar = token.IndexOf('|', StringComparison.Ordinal);
            var (system, code) = bar < 0 ? (null, token) : (token[..bar], token[(bar + 1)..]);
            var mdc = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
            // A token matches every kind coded with it: LOINC 8867-4 codes both ECG heart rate and oximeter pulse rate.
            kinds.UnionWith(VitalSignCatalog.All
                .Where(d => (system is null or FhirSystems.Loinc && d.LoincCode == code)
                    || (system is null or FhirSystems.Mdc && d.AcceptsMdc(mdc)))
                .Select(d => d.Kind));
        }

        // Codes CareStream never stores match nothing; an empty set is a valid (empty) search.
        return kinds;
    }

    private static int ParseCount(string? count)
    {
        if (string.IsNullOrEmpty(count))
        {
            return DefaultCount;
        }

        if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw FhirRequestException.InvalidParameter("_count", "must be a non-negative integer.");
        }

        return Math.Clamp(value, 1, MaxCount);
    }
}
