using System.Text.Json;

namespace CareStream.FhirApi.IntegrationTests;

/// <summary>Reading searchset Bundles in assertions.</summary>
internal static class Bundles
{
    public static JsonElement[] Resources(JsonElement bundle) =>
        bundle.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().Select(e => e.GetProperty("resource")).ToArray() : [];

    public static string[] Ids(JsonElement bundle) => Resources(bundle).Select(r => r.GetProperty("id").GetString()!).ToArray();

    public static string? Link(JsonElement bundle, string relation) =>
        bundle.GetProperty("link").EnumerateArray().Where(l => l.GetProperty("relation").GetString() == relation)
            .Select(l => l.GetProperty("url").GetString()).FirstOrDefault();

    /// <summary>The path and query of an absolute link, for the test client.</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    public static string[] Codes(JsonElement observation) =>
        observation.GetProperty("code").GetProperty("coding").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray();
}
