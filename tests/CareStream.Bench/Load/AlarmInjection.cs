using CareStream.Domain.Vitals;

namespace CareStream.Bench.Load;

/// <summary>
/// A threshold crossing the generator published: one heart-rate reading of 35/min (default rule: below 40, high
/// priority, no delay; the next reading, back at ~72/min, clears it past the 5/min hysteresis, so the non-latching
/// alarm resolves and a later crossing on the same bed raises a new episode).
/// </summary>
public sealed record AlarmInjection(int Bed, string Patient, DateTimeOffset PublishedAt)
{
    public const double CrossingValue = 35;

    /// <summary>The alarm condition the crossing raises (<c>LimitRule</c>: the kind's name + <c>Low</c>).</summary>
    public const string Condition = nameof(VitalSignKind.HeartRate) + "Low";
}
