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
}
