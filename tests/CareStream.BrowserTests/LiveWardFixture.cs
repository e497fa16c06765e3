using System.Diagnostics;

namespace CareStream.BrowserTests;

/// <summary>One host with a simulated ward and one browser, shared by the tests that only watch the ward.</summary>
public sealed class LiveWardFixture : IAsyncLifetime
{
    private readonly Stopwatch _sinceStart = new();
    private DashboardHost? _host;
    private Chromium? _browser;

    public DashboardHost Host => _host ?? throw new InvalidOperationException("The fixture is not initialized.");

    public Chromium Browser => _browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>How long the simulator has been running (the silent device stops one minute in).</summary>
    public TimeSpan SinceStart => _sinceStart.Elapsed;

    public async ValueTask InitializeAsync()
    {
        _sinceStart.Start();
        _browser = await Chromium.LaunchAsync();
        _host = await DashboardHost.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
