namespace CareStream.Auth.Audit;

/// <summary>One page of audit rows (newest first) and the cursor of the next page, or null on the last.</summary>
public sealed record AuditEventPage(IReadOnlyList<AuditEventRecord> Items, long? NextCursor);
