using System.Diagnostics;
using CareStream.Auth;
using CareStream.Auth.Access;
using CareStream.Live;
using CareStream.Testing.Auth;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace CareStream.BrowserTests;

/// <summary>
/// The hub's side of ward access (guide A4 SignalR half, A5, A7) on a real host with wards ward-1 and ward-2, with
/// .NET SignalR clients carrying tokens the host trusts (users: nurse.anna ward-1, nurse.ben ward-2, dr.dev both).
/// </summary>
public sealed class WardHubAccessTests(WardAccessFixture fixture) : IClassFixture<WardAccessFixture>
{
    private const int Attempts = 500;

    /// <summary>Documented removal time after an unassignment: the ward-access cache, then one sweep (A7).</summary>
    private static readonly TimeSpan RemovalTime = StaffWardAccess.CacheFor + new LiveOptions().AccessSweepInterval;

    [Fact]
    public async Task GivenAWard1Nurse_WhenSheFollowsWard2FiveHundredTimes_ThenEveryCallIsRefusedAndNoWard2FrameArrives()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var anna = await fixture.ConnectAsync(fixture.Host.Tokens.Nurse("usr-nurse-anna"), ct);
        await using var ben = await fixture.ConnectAsync(fixture.Host.Tokens.Nurse("usr-nurse-ben"), ct);
        await ben.Connection.InvokeAsync<object>("FollowWard", "ward-2", ct);

        var refused = 0;
        for (var i = 0; i < Attempts; i++)
        {
            var error = await Record.ExceptionAsync(() => anna.Connection.InvokeAsync<object>("FollowWard", "ward-2", ct));
            if (error is HubException { Message: var message } && message.EndsWith("Not permitted", StringComparison.Ordinal))
            {
                refused++;
            }
        }

        await WaitUntilAsync(() => ben.Frames > 0, TimeSpan.FromSeconds(30), ct);
        var benFramesBefore = ben.Frames;
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        Assert.Equal(Attempts, refused);
        Assert.True(ben.Frames > benFramesBefore, "ward-2 was broadcasting during the attempts (positive control)");
        Assert.Equal(0, anna.Frames);
        Assert.Equal(HubConnectionState.Connected, anna.Connection.State);
    }

    [Fact]
    public async Task GivenATokenLivingFiveSeconds_WhenItExpiresOnAnOpenConnection_ThenTheServerClosesItWithinFiveSeconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var lifetime = TimeSpan.FromSeconds(5);
        var token = fixture.Host.Tokens.ForUser("usr-charge-carla", CareStreamRoles.ChargeNurse, TestTokens.ClinicianScopes, lifetime);
        var issued = Stopwatch.StartNew();
        await using var carla = await fixture.ConnectAsync(token, ct);
        var closed = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        carla.Connection.Closed += _ =>
        {
            closed.TrySetResult(issued.Elapsed);
            return Task.CompletedTask;
        };
        await carla.Connection.InvokeAsync<object>("FollowWard", "ward-1", ct);

        var closedAfter = await closed.Task.WaitAsync(lifetime + TimeSpan.FromSeconds(20), ct);

        Assert.True(closedAfter <= lifetime + TimeSpan.FromSeconds(5), $"closed {closedAfter.TotalSeconds:F1} s after issue");
        Assert.True(closedAfter >= lifetime - TimeSpan.FromSeconds(1), $"closed too early: {closedAfter.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task GivenAPhysicianFollowingWard2_WhenHeIsUnassignedFromIt_ThenNoWard2FrameArrivesAfterTheRemovalTime()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var dev = await fixture.ConnectAsync(fixture.Host.Tokens.Nurse("usr-physician-dev"), ct);
        await dev.Connection.InvokeAsync<object>("FollowWard", "ward-2", ct);
        await WaitUntilAsync(() => dev.Frames > 0, TimeSpan.FromSeconds(30), ct);

        var unassigned = DateTimeOffset.UtcNow;
        await SetWardsAsync("usr-physician-dev", ["ward-1"], ct);
        await Task.Delay(RemovalTime + TimeSpan.FromSeconds(3), ct);
        var quietFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var rejoin = await Record.ExceptionAsync(() => dev.Connection.InvokeAsync<object>("FollowWard", "ward-2", ct));

        TestContext.Current.SendDiagnosticMessage($"ward-2 frames after the unassignment: {dev.FramesSince(unassigned)}");
        Assert.Equal(0, dev.FramesSince(quietFrom));
        Assert.IsType<HubException>(rejoin);
        Assert.Equal(HubConnectionState.Connected, dev.Connection.State);
    }

    private async Task SetWardsAsync(string subject, string[] wards, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(fixture.Host.DatabaseConnectionString());
        await connection.OpenAsync(ct);
        await using var update = new NpgsqlCommand("UPDATE auth.\"user\" SET ward_ids = @wards WHERE id = @id", connection);
        update.Parameters.AddWithValue("wards", wards);
        update.Parameters.AddWithValue("id", subject);
        Assert.Equal(1, await update.ExecuteNonQueryAsync(ct));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"not reached within {timeout}");
            await Task.Delay(100, ct);
        }
    }
}
