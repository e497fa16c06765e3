using System.Text.Json.Serialization;

namespace CareStream.Messaging.Registry;

/// <summary>Source-generated serializer for registry records (no reflection on the consume path).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegistryMessage))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
