using System.Diagnostics;
using System.Text.Json;

namespace CareStream.IntegrationTests;

/// <summary>Small helpers over the host's FHIR API for tests.</summary>
internal static class FhirClient
{
    public static async Task<JsonDocument> GetJsonAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }

    /// <summary>Polls an Observation search until it has at least <paramref name="minimum"/> entries.</summary>
    public static async Task<JsonElement[]> WaitForObservationsAsync(
        HttpClient http, string patient, int minimum, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        JsonElement[] entries = [];
        while (clock.Elapsed < timeout)
        {
            using var bundle = await GetJsonAsync(http, $"/fhir/Observation?patient={patient}&_count=1000", cancellationToken);
            entries = bundle.RootElement.TryGetProperty("entry", out var e)
                ? e.EnumerateArray().Select(x => x.GetProperty("resource").Clone()).ToArray()
                : [];
            if (entries.Length >= minimum)
            {
                return entries;
            }

            await Task.Delay(250, cancellationToken);
        }

        return entries;
    }
}
