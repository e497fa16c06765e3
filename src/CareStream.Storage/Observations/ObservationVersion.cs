namespace CareStream.Storage.Observations;

/// <summary>
/// One version of an Observation: its rows (one, or a BP panel's components) with the status of that version, the
/// version number (1 = as ingested), when it took effect, and the reason given for an entered-in-error correction.
/// </summary>
public sealed record ObservationVersion(IReadOnlyList<StoredReading> Rows, int VersionId, DateTimeOffset LastUpdated, string? Reason);
