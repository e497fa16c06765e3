using System.Collections.Concurrent;
using CareStream.Live.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.Bench.Measuring;

/// <summary>
/// Real SignalR dashboards on <c>/hubs/ward</c>: each follows one ward (round robin, so every ward is followed) and
/// records, for every <c>VitalsUpdated</c> item, receipt time minus the reading's effective (= publish) time, and
/// every raised alarm it is pushed.
/// </summary>
public sealed class DashboardClients(RunClock clock) : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private long _frames;
    private long _updates;

    public LatencySeries Latency { get; } = new();

    public ConcurrentQueue<AlarmSighting> Alarms { get; } = new();

    public long Frames => Interlocked.Read(ref _frames);

    public long Updates => Interlocked.Read(ref _updates);

    public async Task ConnectAsync(Uri host, string accessToken, int dashboards, IReadOnlyList<string> wards, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wards);
        var hubUrl = new Uri(host, WardHub.Path);
        for (var i = 0; i < Math.Max(dashboards, wards.Count); i++)
        {
            var connection = new HubConnectionBuilder().WithUrl(hubUrl, o => o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken)).Build();
            connection.On<IReadOnlyList<VitalSignUpdate>>(nameof(IWardClient.VitalsUpdated), OnVitals);
            connection.On<AlarmNotification>(nameof(IWardClient.AlarmChanged), OnAlarm);
            await connection.StartAsync(cancellationToken);
            await connection.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), wards[i % wards.Count], cancellationToken);
            _connections.Add(connection);
        }
    }

    private void OnVitals(IReadOnlyList<VitalSignUpdate> updates)
    {
        var now = clock.Now;
        var second = clock.SecondOf(now);
        Interlocked.Increment(ref _frames);
        Interlocked.Add(ref _updates, updates.Count);
        foreach (var update in updates)
        {
            Latency.Add(second, (now - update.EffectiveAt).TotalMilliseconds);
        }
    }

    private void OnAlarm(AlarmNotification alarm)
    {
        if (alarm.Type == "raised")
        {
            Alarms.Enqueue(new AlarmSighting(alarm.Patient, alarm.Condition, alarm.RaisedAt, clock.Now));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
