namespace CareStream.Storage.Registry;

/// <summary>
/// A registry record with its row version and change time. Patients, wards and beds: PostgreSQL's <c>xmin</c> and
/// <c>updated_at</c>, both moved only by a write that changes the row's content (RegistryWriter skips no-op upserts).
/// Devices: 1 + the number of assignment rows, and the latest assignment change. <see cref="LastModified"/> is null
/// only for a device never assigned.
/// </summary>
public sealed record Versioned<T>(T Value, string VersionId, DateTimeOffset? LastModified = null);
