using CareStream.Live.Hubs;

namespace CareStream.Live.Relay;

/// <summary>
/// Per ward: a sequence-numbered log of recent alarm changes (bounded) and the open alarms. Alarm events arrive
/// at least once, so a repeated event id is ignored: each change gets exactly one sequence number.
/// </summary>
public sealed class WardAlarmLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<AlarmNotification> _recent = new();
    private readonly HashSet<string> _recentIds = [];
    private readonly Dictionary<string, AlarmNotification> _open = [];
    private long _sequence;

    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Appends a change and returns it numbered, or null when the event was seen already.</summary>
    public AlarmNotification? Append(Func<long, AlarmNotification> numbered)
    {
        ArgumentNullException.ThrowIfNull(numbered);
        lock (_gate)
        {
            var alarm = numbered(_sequence + 1);
            if (!_recentIds.Add(alarm.EventId))
            {
                return null;
            }

            _sequence = alarm.Sequence;
            _recent.Enqueue(alarm);
            if (_recent.Count > capacity)
            {
                _recentIds.Remove(_recent.Dequeue().EventId);
            }

            if (alarm.Status == "resolved")
            {
                _open.Remove(alarm.EpisodeId);
            }
            else
            {
                _open[alarm.EpisodeId] = alarm;
            }

            return alarm;
        }
    }

    public IReadOnlyList<AlarmNotification> Open()
    {
        lock (_gate)
        {
            // The alarm list order nurses expect: priority first, then the oldest first.
            return [.. _open.Values.OrderByDescending(a => Rank(a.Priority)).ThenBy(a => a.RaisedAt)];
        }
    }

    private static int Rank(string priority) => priority switch
    {
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };

    /// <summary>The changes after <paramref name="afterSequence"/>, or null when some of them are no longer held.</summary>
    public IReadOnlyList<AlarmNotification>? After(long afterSequence)
    {
        lock (_gate)
        {
            var oldest = _recent.Count == 0 ? _sequence + 1 : _recent.Peek().Sequence;
            if (afterSequence < oldest - 1 || afterSequence > _sequence)
            {
                return null;
            }

            return [.. _recent.Where(a => a.Sequence > afterSequence)];
        }
    }
}
