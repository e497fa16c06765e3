namespace CareStream.Bench.Load;

/// <summary>One acknowledged device message.</summary>
public readonly record struct PublishedMessage(int Bed, long EffectiveMs, ReadingStream Stream);
