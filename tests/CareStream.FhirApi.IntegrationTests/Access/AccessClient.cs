using System.Text.Json;

namespace CareStream.FhirApi.IntegrationTests.Access;

/// <summary>GETs and POSTs with one caller's token; the only way the access tests create requests.</summary>
internal sealed class AccessClient(HttpClient http) : IDisposable
{
    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await FhirApiFixture.ReadAsync(response));
    }

    public async Task<(int Status, JsonElement Body)> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await FhirApiFixture.ReadAsync(response));
    }

    /// <summary>Entries of a searchset Bundle (0 for any other body).</summary>
    public static int EntryCount(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("entry", out var entries) ? entries.GetArrayLength() : 0;

    public static string? ResourceType(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("resourceType", out var type) ? type.GetString() : null;

    public void Dispose() => http.Dispose();
}
