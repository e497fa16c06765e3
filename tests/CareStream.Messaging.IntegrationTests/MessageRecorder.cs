using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>Counts how often each message value was handled.</summary>
public sealed class MessageRecorder
{
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private int _total;
    private string? _failOnceOn;

    /// <summary>The handler throws a transient error the first time it meets this value.</summary>
    public void FailOnceOn(string value) => _failOnceOn = value;

    public bool ShouldFail(string value)
    {
        var target = Volatile.Read(ref _failOnceOn);
        return target is not null && value == target && ReferenceEquals(Interlocked.CompareExchange(ref _failOnceOn, null, target), target);
    }

    public int Total => Volatile.Read(ref _total);

    public int Distinct => _seen.Count;

    public int Duplicates => _seen.Values.Sum(count => count - 1);

    public bool Contains(string value) => _seen.ContainsKey(value);

    public void Record(ConsumeResult<string, byte[]> message)
    {
        _seen.AddOrUpdate(Encoding.UTF8.GetString(message.Message.Value), 1, (_, count) => count + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>Waits (bounded) until <paramref name="expected"/> distinct values were seen, then a short settle time for duplicates.</summary>
    public async Task WaitForAsync(int expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (Distinct < expected && clock.Elapsed < timeout)
        {
            await Task.Delay(50, cancellationToken);
        }

        await Task.Delay(500, cancellationToken);
    }
}
