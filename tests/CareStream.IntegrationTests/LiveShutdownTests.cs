using System.Diagnostics;
using CareStream.Live.Hubs;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.IntegrationTests;

/// <summary>
/// A node being replaced must not wait for its dashboards: on SIGTERM it closes their connections at once, so it
/// exits promptly and the dashboards see the close and reconnect to the next instance.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class LiveShutdownTests(KafkaFixture kafka)
{
    private const string Ward = "ward-shutdown";

    [Fact]
    public async Task GivenDashboardsFollowingAWard_WhenTheHostIsTerminated_ThenItExitsPromptlyAndTheDashboardsSeeTheClose()
    {
        var ct = TestContext.Current.CancellationToken;
        // The live role uses no database: the connection string is never read.
        var settings = await HostSettings.CreateAsync(kafka, connectionString: string.Empty);
        await using var host = CareStreamProcess.Start(settings.Values, "--roles", "live");
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), ct);
        var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // One dashboard keeps reconnecting (as the web UI does), one does not: neither may hold the shutdown.
        await using var persistent = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, WardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(host.AdministratorToken()))
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)])
            .Build();
        persistent.Reconnecting += _ => Signal(reconnecting);
        await using var plain = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, WardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(host.AdministratorToken())).Build();
        plain.Closed += _ => Signal(closed);
        foreach (var connection in new[] { persistent, plain })
        {
            await connection.StartAsync(ct);
            await connection.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), Ward, ct);
        }

        var clock = Stopwatch.StartNew();
        var exitCode = await host.StopAsync(TimeSpan.FromSeconds(10));
        var stoppedAfter = clock.Elapsed;
        _ = await Task.WhenAny(Task.WhenAll(reconnecting.Task, closed.Task), Task.Delay(TimeSpan.FromSeconds(5), ct));

        Assert.Equal(0, exitCode);
        Assert.True(stoppedAfter < TimeSpan.FromSeconds(10), $"exited after {stoppedAfter}:\n{host.Tail()}");
        Assert.True(reconnecting.Task.IsCompletedSuccessfully, $"the reconnecting dashboard saw no close (state {persistent.State})");
        Assert.True(closed.Task.IsCompletedSuccessfully, $"the plain dashboard saw no close (state {plain.State})");
    }

    private static Task Signal(TaskCompletionSource source)
    {
        source.TrySetResult();
        return Task.CompletedTask;
    }
}
