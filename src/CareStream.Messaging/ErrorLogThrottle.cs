using System.Collections.Concurrent;
using Confluent.Kafka;

namespace CareStream.Messaging;

/// <summary>
/// Keeps a retrying client's repeated non-fatal errors (a broker down: one line per reconnect attempt) from
/// flooding the log: the first occurrence of a code is logged, then at most one line per interval with how many
/// were suppressed. Fatal errors are never throttled.
/// </summary>
internal sealed class ErrorLogThrottle(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly ConcurrentDictionary<ErrorCode, (DateTimeOffset LoggedAt, int Suppressed)> _seen = new();

    public static ErrorLogThrottle Default() => new(TimeProvider.System, TimeSpan.FromSeconds(30));

    /// <summary>True when this occurrence should be logged; <paramref name="suppressed"/> counts the skipped ones since.</summary>
    public bool ShouldLog(ErrorCode code, out int suppressed)
    {
        var now = timeProvider.GetUtcNow();
        var logged = false;
        var skipped = 0;
        _seen.AddOrUpdate(
            code,
            _ =>
            {
                logged = true;
                return (now, 0);
            },
            (_, state) =>
            {
                if (now - state.LoggedAt >= interval)
                {
                    logged = true;
                    skipped = state.Suppressed;
                    return (now, 0);
                }

                return (state.LoggedAt, state.Suppressed + 1);
            });
        suppressed = skipped;
        return logged;
    }
}
