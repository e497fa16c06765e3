using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>The ward grid against the real host and its simulated ward (bed 8 sensor off, bed 9 falls silent).</summary>
[Collection(LiveWardCollection.Name)]
public sealed class LiveWardTests(LiveWardFixture fixture)
{
    private const int StableBed = 1;
    private const int SensorOffBed = 8;
    private const int SilentBed = 9;

    private static readonly LocatorAssertionsToHaveAttributeOptions LiveWithin = new() { Timeout = 30_000 };

    [Fact]
    public async Task GivenAFollowedWard_WhenReadingsArrive_ThenTilesUpdateLive()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var bed = WardPage.Bed(StableBed);
        await Expect(ward.Parameter(bed, "hr")).ToHaveAttributeAsync("data-state", "live", LiveWithin);
        var first = await ward.EffectiveAtAsync(bed, "hr");

        var advanced = await WaitAsync(async () => await ward.EffectiveAtAsync(bed, "hr") > first, TimeSpan.FromSeconds(5));

        Assert.True(advanced, "The heart rate's effective time did not advance within 5 s.");
        await Expect(ward.Value(bed, "hr")).ToHaveTextAsync(new Regex(@"^\d{2,3}$"));
        await Expect(ward.Parameter(bed, "hr").Locator(".unit")).ToHaveTextAsync("/min");
        await Expect(ward.Tile(bed).Locator(".patient")).ToHaveTextAsync(new Regex(@"^[A-Z]+, \w+"), new() { Timeout = 15_000 });
        // The simulated beds 01-09; other tests in this collection add beds 20 and 21 to the same ward.
        await Expect(ward.Page.Locator("article.tile[data-bed^='ward-1-bed-0']")).ToHaveCountAsync(DashboardHost.Beds);
        await Expect(ward.Banner).ToBeHiddenAsync();
        await ward.ScreenshotAsync("ward-live");
        await ward.Page.SetViewportSizeAsync(820, 1180);
        await ward.ScreenshotAsync("ward-tablet");
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenASensorOffBed_WhenTheWardIsShown_ThenSpO2ShowsNoDataWhileHeartRateIsLive()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var bed = WardPage.Bed(SensorOffBed);

        await Expect(ward.Parameter(bed, "hr")).ToHaveAttributeAsync("data-state", "live", LiveWithin);
        await Expect(ward.Parameter(WardPage.Bed(StableBed), "spo2")).ToHaveAttributeAsync("data-state", "live", LiveWithin);

        await Expect(ward.Value(bed, "spo2")).ToHaveTextAsync(WardPage.NoData);
        await Expect(ward.Parameter(bed, "spo2")).ToHaveAttributeAsync("data-state", "no-data");
        await Expect(ward.Parameter(bed, "spo2").Locator(".unit")).ToHaveTextAsync(string.Empty);
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenADeviceThatFallsSilent_WhenItsReadingsAgePastTheThreshold_ThenItsTileShowsNoData()
    {
        // The simulator's silent device stops after 60 s; numerics go stale 10 s later (production threshold).
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var bed = WardPage.Bed(SilentBed);
        await Expect(ward.Tile(bed)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var deadline = TimeSpan.FromSeconds(100) - fixture.SinceStart;

        var silent = await WaitAsync(
            async () => await ward.Parameter(bed, "hr").GetAttributeAsync("data-state") == "no-data",
            deadline > TimeSpan.FromSeconds(15) ? deadline : TimeSpan.FromSeconds(15));

        Assert.True(silent, $"Bed {SilentBed} still showed a heart rate {fixture.SinceStart} after the host started.");
        foreach (var key in new[] { "hr", "spo2", "rr", "temp" })
        {
            await Expect(ward.Value(bed, key)).ToHaveTextAsync(WardPage.NoData);
        }

        await Expect(ward.Parameter(WardPage.Bed(StableBed), "hr")).ToHaveAttributeAsync("data-state", "live");
        await ward.ScreenshotAsync("ward-silent-device");
        await ward.Page.CloseAsync();
    }

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        return await condition();
    }
}
