namespace CareStream.Simulator.Signals;

/// <summary>
/// Stateless, seed-determined noise: the value for (seed, stream, tick) is the same in every run and every process,
/// so a simulated ward replays identically and any tick can be computed without the ones before it.
/// </summary>
internal static class SeededNoise
{
    /// <summary>A uniform value in [-1, 1).</summary>
    public static double Uniform(int seed, int stream, long tick)
    {
        var x = SplitMix64(unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL) ^ (ulong)tick));
        return (x >> 11) * (1.0 / (1UL << 53)) * 2.0 - 1.0;
    }

    private static ulong SplitMix64(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
