using System.Text.Json.Serialization;

namespace CareStream.Messaging.Registry;

/// <summary>
/// The wire shape of one record on the compacted assignments topic. Exactly one of the payload groups is set,
/// named by <see cref="Type"/>. Kept flat and primitive so any producer (an ADT bridge, kcat, a script) can write it.
/// </summary>
internal sealed record RegistryMessage
{
    public const string DeviceAssignmentType = "device-assignment";
    public const string BedType = "bed";
    public const string PatientType = "patient";

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("device")]
    public string? Device { get; init; }

    [JsonPropertyName("ward")]
    public string? Ward { get; init; }

    [JsonPropertyName("wardName")]
    public string? WardName { get; init; }

    [JsonPropertyName("bed")]
    public string? Bed { get; init; }

    [JsonPropertyName("bedLabel")]
    public string? BedLabel { get; init; }

    [JsonPropertyName("patient")]
    public string? Patient { get; init; }

    [JsonPropertyName("validFrom")]
    public DateTimeOffset? ValidFrom { get; init; }

    [JsonPropertyName("mrn")]
    public string? MedicalRecordNumber { get; init; }

    [JsonPropertyName("family")]
    public string? FamilyName { get; init; }

    [JsonPropertyName("given")]
    public string? GivenName { get; init; }

    [JsonPropertyName("birthDate")]
    public DateOnly? BirthDate { get; init; }

    [JsonPropertyName("gender")]
    public string? Gender { get; init; }
}
