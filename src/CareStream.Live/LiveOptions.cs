using System.ComponentModel.DataAnnotations;

namespace CareStream.Live;

/// <summary>Live role settings (section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary><c>Live:PushInterval</c>: how long updates are coalesced per ward before a frame is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01", ErrorMessage = "Live:PushInterval must be between 10 ms and 1 s.")]
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary><c>Live:AlarmHistory</c>: alarm changes kept per ward for clients resuming after a disconnect.</summary>
    [Range(10, 100_000, ErrorMessage = "Live:AlarmHistory must be between 10 and 100000.")]
    public int AlarmHistory { get; set; } = 1_000;

    /// <summary><c>Live:TrendWindow</c>: how much recent trend a join snapshot carries per bed and parameter.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Live:TrendWindow must be between 1 min and 1 h.")]
    public TimeSpan TrendWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// <c>Live:TrendResolution</c>: at most one trend point per bed and parameter per this interval (the latest wins).
    /// 5 s keeps 181 points per parameter: about 3 KB per bed and parameter in memory, ~2 KB per series on the wire.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "Live:TrendResolution must be between 1 s and 1 min.")]
    public TimeSpan TrendResolution { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Live:UnassociatedMarkerTimeout</c>: a bed's "device sending without a patient" marker clears after this long
    /// without a new unassociated event (the normalizer repeats the event about once a minute while it lasts).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Live:UnassociatedMarkerTimeout must be between 10 s and 1 h.")]
    public TimeSpan UnassociatedMarkerTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// <c>Live:AccessSweepInterval</c>: how often open connections' wards are re-checked against the user's current ward
    /// assignments (guide A7). An unassignment stops the frames within the ward-access cache time (30 s) plus this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30", ErrorMessage = "Live:AccessSweepInterval must be between 1 s and 30 s.")]
    public TimeSpan AccessSweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}
