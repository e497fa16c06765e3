namespace CareStream.Live.Hubs;

/// <summary>
/// What a client gets on joining a ward: the latest value of every parameter of every bed, the open alarms, and the
/// ward stream's current sequence number (the point to resume from).
/// </summary>
public sealed record WardSnapshot(
    string Ward,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<VitalSignUpdate> Latest,
    IReadOnlyList<AlarmNotification> ActiveAlarms,
    long Sequence);
