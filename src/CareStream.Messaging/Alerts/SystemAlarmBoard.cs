using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Messaging.Alerts;

/// <summary>
/// The open ward-independent technical alarms of this process (such as "pipeline: Kafka unreachable"): an in-process
/// path that needs no Kafka. The rules role <see cref="Report"/>s raises and resolutions; the live role reads
/// <see cref="Open"/> for its join snapshots and <see cref="WatchAsync"/>es the changes to push them to every dashboard.
/// One singleton per process (registered by <c>AddMessaging</c>), so it only connects roles running in the same process.
/// </summary>
public sealed class SystemAlarmBoard
{
    /// <summary>Reserved pseudo-patient under which ward-independent system alarms are recorded.</summary>
    public static readonly PatientId SystemPatient = new("system");

    private readonly Lock _lock = new();
    private readonly Dictionary<string, AlarmRaised> _open = new(StringComparer.Ordinal);
    private readonly List<Channel<AlarmEvent>> _watchers = [];

    /// <summary>The open system alarms (their raise), oldest first.</summary>
    public IReadOnlyList<AlarmRaised> Open
    {
        get
        {
            lock (_lock)
            {
                return [.. _open.Values.OrderBy(a => a.OccurredAt)];
            }
        }
    }

    /// <summary>How many watchers are registered (a relay registers once its background loop runs).</summary>
    public int WatcherCount
    {
        get
        {
            lock (_lock)
            {
                return _watchers.Count;
            }
        }
    }

    /// <summary>
    /// Records a raise (opens the episode) or a resolution (closes it) and hands it to every watcher. Other event
    /// types and resolutions of episodes not open here are ignored.
    /// </summary>
    /// <returns>Whether the board changed.</returns>
    public bool Report(AlarmEvent alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        lock (_lock)
        {
            var episodeId = alarm.Episode.EpisodeId;
            var changed = alarm switch
            {
                AlarmRaised raised => _open.TryAdd(episodeId, raised),
                AlarmResolved => _open.Remove(episodeId),
                _ => false,
            };
            if (changed)
            {
                foreach (var watcher in _watchers)
                {
                    watcher.Writer.TryWrite(alarm); // unbounded: never fails while the watcher is registered
                }
            }

            return changed;
        }
    }

    /// <summary>Every change reported from now on, in order, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<AlarmEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<AlarmEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            _watchers.Add(channel);
        }

        try
        {
            await foreach (var alarm in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return alarm;
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(channel);
            }
        }
    }
}
