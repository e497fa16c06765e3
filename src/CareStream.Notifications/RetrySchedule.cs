namespace CareStream.Notifications;

/// <summary>Bounded exponential backoff: attempt 1 at once, attempt n ≥ 2 after min(initial × 2^(n-2), max). Pure.</summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    public static RetrySchedule From(NotifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RetrySchedule(options.MaxAttempts, options.InitialRetryDelay, options.MaxRetryDelay);
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> (1-based); zero for the first.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (attempt == 1)
        {
            return TimeSpan.Zero;
        }

        // Doubling past 2^30 only ever hits the cap; clamp the exponent so the ticks cannot overflow.
        var factor = Math.Pow(2, Math.Min(attempt - 2, 30));
        var ticks = Math.Min(InitialDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Sum of all waits: the longest a down receiver holds one notification.</summary>
    public TimeSpan TotalDelay => TimeSpan.FromTicks(Enumerable.Range(1, MaxAttempts).Sum(a => DelayBefore(a).Ticks));
}
