using CareStream.Live.Hubs;
using Microsoft.AspNetCore.Http;

namespace CareStream.Live.UnitTests;

public sealed class StoppingGateTests
{
    [Fact]
    public async Task GivenARunningHost_WhenADashboardNegotiates_ThenTheHubHandlesIt()
    {
        var handled = false;
        var gate = StoppingGate.Wrap(_ =>
        {
            handled = true;
            return Task.CompletedTask;
        }, CancellationToken.None);
        var context = new DefaultHttpContext();

        await gate(context);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task GivenAStoppingHost_WhenADashboardNegotiates_ThenItIsRefusedWith503AndRetryAfter()
    {
        using var stopping = new CancellationTokenSource();
        var handled = false;
        var gate = StoppingGate.Wrap(_ =>
        {
            handled = true;
            return Task.CompletedTask;
        }, stopping.Token);
        await stopping.CancelAsync();
        var context = new DefaultHttpContext();

        await gate(context);

        Assert.False(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
    }
}
