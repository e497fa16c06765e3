using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareStream.Storage.Observations;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// Renders one version of an Observation for read, vread, update and history: the canonical JSON plus
/// <c>meta.versionId</c>, <c>meta.lastUpdated</c> and, for an entered-in-error correction, the reason as
/// <c>note[0].text</c>. (Search pages keep the canonical rendering without version metadata.)
/// </summary>
public static class VersionedObservationRenderer
{
    public static ReadOnlyMemory<byte> Render(ObservationVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var resource = JsonNode.Parse(ObservationPager.Render([.. version.Rows]).Span)!.AsObject();
        var meta = resource["meta"] as JsonObject ?? [];
        meta.Remove("versionId");
        meta.Remove("lastUpdated");
        meta.Insert(0, "versionId", version.VersionId.ToString(CultureInfo.InvariantCulture));
        meta.Insert(1, "lastUpdated", version.LastUpdated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
        if (resource["meta"] is null)
        {
            resource.Insert(2, "meta", meta);
        }

        if (version.Reason is not null)
        {
            resource["note"] = new JsonArray(new JsonObject { ["text"] = version.Reason });
        }

        return JsonSerializer.SerializeToUtf8Bytes(resource);
    }
}
