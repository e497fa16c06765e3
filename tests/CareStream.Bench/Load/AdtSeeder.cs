using System.Net.Http.Json;

namespace CareStream.Bench.Load;

/// <summary>
/// Associates every simulated monitor with a bed and a patient through the host's ADT API (<c>/api/adt</c>):
/// register the bed, associate the monitor, admit the patient — as an integration engine would.
/// </summary>
public static class AdtSeeder
{
    public static async Task SeedAsync(HttpClient http, IReadOnlyList<BenchBed> beds, DateTimeOffset effectiveAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(beds);
        await Parallel.ForEachAsync(beds, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (bed, ct) =>
        {
            await PostAsync(http, "/api/adt/beds", new { wardId = bed.Ward, wardName = bed.Ward, bedId = bed.Bed, label = bed.Bed }, ct);
            // The registry admits a patient only to a bed that has its monitor.
            await PostAsync(http, $"/api/adt/devices/{bed.Device}/associate", new { bedId = bed.Bed, effectiveAt }, ct);
            await PostAsync(http, "/api/adt/admit", new
            {
                patientId = bed.Patient,
                medicalRecordNumber = "BENCH" + bed.Index,
                familyName = "Bench",
                givenName = "Synthetic",
                birthDate = "1970-01-01",
                gender = "unknown",
                bedId = bed.Bed,
                effectiveAt = effectiveAt.AddSeconds(1), // changes are accepted in time order only
            }, ct);
        });
    }

    private static async Task PostAsync(HttpClient http, string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {detail}");
        }
    }
}
