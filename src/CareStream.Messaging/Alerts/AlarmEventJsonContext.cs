using System.Text.Json.Serialization;

namespace CareStream.Messaging.Alerts;

/// <summary>Source-generated camelCase serializer for alert records (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlarmEventMessage))]
internal sealed partial class AlarmEventJsonContext : JsonSerializerContext;
