namespace CareStream.Bench.Load;

/// <summary>
/// Every device message the cluster acknowledged: bed, effective time (ms) and which numerics it carried. The
/// exactly-once check expands it into the (device, kind, effective) readings that must each be stored once.
/// </summary>
public sealed class PublishedLedger
{
    private readonly Lock _gate = new();
    private readonly List<PublishedMessage> _messages = [];
    private long _failed;

    public long Failed => Interlocked.Read(ref _failed);

    public void Acknowledged(PublishedMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
        }
    }

    public void DeliveryFailed() => Interlocked.Increment(ref _failed);

    public IReadOnlyList<PublishedMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    public long ReadingCount()
    {
        lock (_gate)
        {
            return _messages.Sum(m => (long)m.Stream.Kinds.Length);
        }
    }
}
