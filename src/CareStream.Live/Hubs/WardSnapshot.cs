namespace CareStream.Live.Hubs;

/// <summary>
/// What a client gets on joining a ward: the latest value of every parameter of every bed, the open alarms, the
/// ward stream's current sequence number (the point to resume from), and the recent trend of every parameter of
/// every bed (<c>Live:TrendWindow</c>, 15 minutes by default) so sparklines fill at once, each bed's current NEWS2
/// and the beds marked "device sending without a patient". <see cref="SystemAlarms"/>: the open ward-independent
/// technical alarms (same for every ward), so a dashboard joining during a pipeline outage shows the banner at once.
/// </summary>
public sealed record WardSnapshot(
    string Ward,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<VitalSignUpdate> Latest,
    IReadOnlyList<AlarmNotification> ActiveAlarms,
    long Sequence,
    IReadOnlyList<TrendSeries> Trends,
    IReadOnlyList<News2Update> News2,
    IReadOnlyList<UnassociatedDeviceMarker> UnassociatedDevices)
{
    public IReadOnlyList<SystemAlarmNotification> SystemAlarms { get; init; } = [];
}
