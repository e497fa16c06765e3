using System.Collections.Concurrent;
using CareStream.Live.Hubs;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.BrowserTests;

/// <summary>
/// A host with two simulated wards (8 beds, 4 per ward: ward-1 and ward-2) and no clock skew, for the hub's access
/// checks (guide A4, A5, A7). Its .NET SignalR clients carry tokens from <see cref="DashboardHost.Tokens"/>.
/// </summary>
public sealed class WardAccessFixture : IAsyncLifetime
{
    private DashboardHost? _host;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync() =>
        _host = await DashboardHost.StartAsync(TestContext.Current.CancellationToken, new Dictionary<string, string>
        {
            ["Simulator:Beds"] = "8",
            ["Simulator:BedsPerWard"] = "4",
            ["Auth:ClockSkewSeconds"] = "0",
        });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A started hub connection with <paramref name="token"/> that counts every frame it receives.</summary>
    public async Task<CountingConnection> ConnectAsync(string token, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.BaseAddress, WardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var counting = new CountingConnection(connection);
        await connection.StartAsync(cancellationToken);
        return counting;
    }
}

/// <summary>A hub connection and the frames it received (any push method), with their arrival times.</summary>
public sealed class CountingConnection : IAsyncDisposable
{
    private readonly ConcurrentQueue<DateTimeOffset> _frames = new();

    public CountingConnection(HubConnection connection)
    {
        Connection = connection;
        foreach (var method in new[]
        {
            nameof(IWardClient.VitalsUpdated), nameof(IWardClient.AlarmChanged), nameof(IWardClient.News2Changed),
            nameof(IWardClient.UnassociatedDeviceChanged),
        })
        {
            connection.On(method, [typeof(object)], _ =>
            {
                _frames.Enqueue(DateTimeOffset.UtcNow);
                return Task.CompletedTask;
            });
        }
    }

    public HubConnection Connection { get; }

    public int Frames => _frames.Count;

    public int FramesSince(DateTimeOffset at) => _frames.Count(f => f >= at);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
