using System.Collections.Concurrent;
using CareStream.Bench.Load;
using Npgsql;

namespace CareStream.Bench.Measuring;

/// <summary>
/// Polls the alarm store (<c>alarm_event</c>, written by the store role's alarm consumer in one transaction per batch)
/// every <see cref="PollInterval"/> and notes when each raised <see cref="AlarmInjection.Condition"/> event first
/// becomes visible to a reader, i.e. is committed (durably stored). Adds up to one poll interval to the latency.
/// </summary>
public sealed class AlarmStoreWatcher(RunClock clock)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private const string Sql = """
        SELECT event_id, patient_id, condition_started_at FROM alarm_event
        WHERE kind = 'raised' AND condition = @condition AND recorded_at >= @since
        """;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public ConcurrentQueue<AlarmSighting> Raised { get; } = new();

    public async Task RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue("condition", AlarmInjection.Condition);
        var since = command.Parameters.AddWithValue("since", clock.Now.AddMinutes(-1));
        await command.PrepareAsync(cancellationToken);
        using var timer = new PeriodicTimer(PollInterval, clock.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                since.Value = clock.Now.AddSeconds(-30); // recorded_at is the transaction's start: keep a margin
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var now = clock.Now;
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (_seen.Add(reader.GetString(0)))
                    {
                        Raised.Enqueue(new AlarmSighting(reader.GetString(1), AlarmInjection.Condition, reader.GetFieldValue<DateTimeOffset>(2), now));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
