using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CareStream.FhirApi.Http;

/// <summary>The one set of Firely System.Text.Json options the API serializes with (thread-safe, built once).</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    public static readonly JsonSerializerOptions Options = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
}
