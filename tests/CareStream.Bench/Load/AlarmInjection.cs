namespace CareStream.Bench.Load;

/// <summary>A threshold crossing the generator published: heart rate 35/min (default rule: below 40, no delay).</summary>
public sealed record AlarmInjection(int Bed, string Patient, DateTimeOffset PublishedAt)
{
    public const double CrossingValue = 35;
}
