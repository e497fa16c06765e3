using CareStream.Live.Hubs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.Bench.Connections;

/// <summary>Real SignalR dashboards over WebSockets, each following one ward (round robin), counting pushed frames.</summary>
public sealed class IdleDashboards(Uri host, string accessToken, IReadOnlyList<string> wards) : IAsyncDisposable
{
    private const int ConnectConcurrency = 25;
    private readonly List<HubConnection> _connections = [];
    private long _frames;

    public int Count => _connections.Count;

    public long Frames => Interlocked.Read(ref _frames);

    public async Task ConnectUpToAsync(int count, CancellationToken cancellationToken)
    {
        while (_connections.Count < count)
        {
            var batch = Enumerable.Range(_connections.Count, Math.Min(ConnectConcurrency, count - _connections.Count))
                .Select(i => ConnectAsync(wards[i % wards.Count], cancellationToken));
            _connections.AddRange(await Task.WhenAll(batch));
        }
    }

    private async Task<HubConnection> ConnectAsync(string ward, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host, WardHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        connection.On<IReadOnlyList<VitalSignUpdate>>(nameof(IWardClient.VitalsUpdated), _ => Interlocked.Increment(ref _frames));
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), ward, cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
