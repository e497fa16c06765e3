namespace CareStream.Storage.Observations;

/// <summary>One page of readings; <see cref="NextCursor"/> is null on the last page (opaque, URL-safe).</summary>
public sealed record ReadingPage(IReadOnlyList<StoredReading> Items, string? NextCursor);
