using System.Collections.Concurrent;

namespace CareStream.Messaging.UnitTests.Fakes;

/// <summary>Ordered record of what the fakes were asked to do, shared between producer and consumer fakes.</summary>
public sealed class EventLog
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public void Add(string entry) => _events.Enqueue(entry);
}
