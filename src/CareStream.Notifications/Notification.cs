namespace CareStream.Notifications;

/// <summary>What is sent for one alarm event: the Flag's id and JSON, and the event's id and wire type.</summary>
public sealed record Notification(string EventId, string EventKind, string FlagId, byte[] Body);
