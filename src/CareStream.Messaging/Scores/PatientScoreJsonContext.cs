using System.Text.Json.Serialization;

namespace CareStream.Messaging.Scores;

/// <summary>Source-generated camelCase serializer for patient-score records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PatientScoreMessage))]
internal sealed partial class PatientScoreJsonContext : JsonSerializerContext;
