namespace CareStream.Storage.Alerts;

/// <summary>One page of stored alarms; <see cref="NextCursor"/> is null on the last page (opaque, URL-safe).</summary>
public sealed record AlarmPage(IReadOnlyList<StoredAlarm> Items, string? NextCursor);
