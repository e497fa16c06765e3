using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareStream.Fhir.Mapping;

/// <summary>Cached System.Text.Json options with Firely's FHIR converters (R4 model), for the API edge and tests.</summary>
public static class FhirJson
{
    /// <summary>Compact FHIR JSON.</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    /// <summary>Serializes a Firely resource to UTF-8 FHIR JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(Resource resource) => JsonSerializer.SerializeToUtf8Bytes(resource, Options);

    /// <summary>Parses FHIR JSON into a Firely resource; throws Firely's <c>DeserializationFailedException</c> on invalid input.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> json)
        where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("FHIR JSON was 'null'.");
}
