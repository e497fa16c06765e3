using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// Alarms on the ward screen: the simulated bradycardia bed crosses its heart-rate limit, the rules role raises a
/// high-priority alarm, and the dashboard shows it in the alarm bar and on the tile (red, flashing).
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed class AlarmTests(LiveWardFixture fixture)
{
    private const int BradycardiaBed = 4;
    private const int StableBed = 1;

    [Fact]
    public async Task GivenABedBeyondItsHeartRateLimit_WhenTheWardIsShown_ThenAHighAlarmIsListedAndItsTileIsRed()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var tile = ward.Tile(WardPage.Bed(BradycardiaBed));
        var row = ward.Page.Locator("#alarm-list li.alarm[data-priority='high']").Filter(new() { HasText = "Bed 4" });

        await Expect(tile).ToHaveAttributeAsync("data-alarm", "high", new() { Timeout = 30_000 });
        await Expect(row.First).ToBeVisibleAsync();
        await Expect(row.First.Locator(".alarm-condition")).ToHaveTextAsync("HeartRateLow");
        await Expect(ward.Tile(WardPage.Bed(StableBed))).Not.ToHaveAttributeAsync("data-alarm", "high");
        var animation = await tile.EvaluateAsync<string>("t => getComputedStyle(t).animationName");
        Assert.Equal("alarm-flash", animation);
        await ward.ScreenshotAsync("ward-alarms");
        await ward.Page.CloseAsync();
    }
}
