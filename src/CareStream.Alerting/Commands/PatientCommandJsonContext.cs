using System.Text.Json.Serialization;

namespace CareStream.Alerting.Commands;

/// <summary>Source-generated camelCase serializer for command records.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PatientCommandMessage))]
internal sealed partial class PatientCommandJsonContext : JsonSerializerContext;
