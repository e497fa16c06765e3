using System.Text.Json;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.FhirApi.Http;
using CareStream.Storage.Observations;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// A searchset of stored Observations whose entries are rendered by the canonical writer straight into the response
/// body: no byte array and no <c>fullUrl</c> string per entry, and the stored id is written as is (not re-hashed).
/// </summary>
public static class ObservationBundle
{
    public static SearchsetBundleResult Result(
        string selfUrl, string? nextUrl, long? total, string baseUrl, IReadOnlyList<StoredReading[]> observations, string? previousUrl = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(observations);
        return new SearchsetBundleResult(
            selfUrl, nextUrl, total, observations.Count, (json, i) => WriteEntry(json, baseUrl, observations[i]),
            CanonicalObservationWriter.WriterOptions, previousUrl);
    }

    /// <summary>The entry's <c>fullUrl</c> and <c>resource</c> members (a panel's components in kind order).</summary>
    public static void WriteEntry(Utf8JsonWriter json, string baseUrl, StoredReading[] observation)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(observation);
        WriteFullUrl(json, baseUrl, observation[0].ObservationId);
        json.WritePropertyName("resource"u8);
        if (observation.Length == 1)
        {
            // The search's common case: one numeric, no array.
            var reading = observation[0].ToReading();
            CanonicalObservationWriter.WriteStored(json, new ReadOnlySpan<VitalSignReading>(in reading));
            return;
        }

        var readings = new VitalSignReading[observation.Length];
        for (var i = 0; i < observation.Length; i++)
        {
            readings[i] = observation[i].ToReading();
        }

        Array.Sort(readings, static (a, b) => a.Kind.CompareTo(b.Kind));
        CanonicalObservationWriter.WriteStored(json, readings);
    }

    private static void WriteFullUrl(Utf8JsonWriter json, string baseUrl, string id)
    {
        const string Segment = "/Observation/";
        var length = baseUrl.Length + Segment.Length + id.Length;
        if (length > 512)
        {
            json.WriteString("fullUrl"u8, baseUrl + Segment + id);
            return;
        }

        Span<char> url = stackalloc char[length];
        baseUrl.CopyTo(url);
        Segment.CopyTo(url[baseUrl.Length..]);
        id.CopyTo(url[(baseUrl.Length + Segment.Length)..]);
        json.WriteString("fullUrl"u8, url);
    }
}
