namespace CareStream.Bench.Measuring;

/// <summary>The run's time axis: wall-clock start of the load and the second a wall-clock instant falls in.</summary>
public sealed class RunClock(TimeProvider timeProvider)
{
    private DateTimeOffset _start;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public DateTimeOffset Start => _start;

    public void MarkStart() => _start = TimeProvider.GetUtcNow();

    public DateTimeOffset Now => TimeProvider.GetUtcNow();

    public TimeSpan Elapsed => Now - _start;

    public int SecondOf(DateTimeOffset instant) => (int)Math.Floor((instant - _start).TotalSeconds);
}
