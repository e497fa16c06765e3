namespace CareStream.Live.Hubs;

/// <summary>
/// The answer to a resume: the alarm changes after the client's last sequence number, or — when they are no longer
/// all held — <see cref="GapTooOld"/> and a fresh snapshot, so the client never assumes it has seen everything.
/// </summary>
public sealed record WardResume(string Ward, bool GapTooOld, IReadOnlyList<AlarmNotification> Missed, WardSnapshot Snapshot);
