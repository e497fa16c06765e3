namespace CareStream.Storage.Registry;

/// <summary>
/// A registry record with its row version: PostgreSQL's <c>xmin</c>, which changes with every write of the row (an
/// upsert that restates the same values still makes a new version). <see cref="LastModified"/> is null where the
/// registry keeps no change time.
/// </summary>
public sealed record Versioned<T>(T Value, string VersionId, DateTimeOffset? LastModified = null);
