using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// Audible cues: the page's pure decision (which burst the open alarms call for) evaluated by its own module, and the
/// station's live state on &lt;body data-cue data-sound&gt; with the simulated bradycardia alarm open.
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed class AudioCueTests(LiveWardFixture fixture)
{
    private const string Decide = """
        async ([alarms, muted]) => {
          const { decideCue } = await import('/dashboard/js/audio-cues.js');
          const now = Date.parse('2026-11-25T10:00:00Z');
          return decideCue(alarms.map(([priority, status, pausedUntil]) =>
            ({ priority, status, audioPausedUntil: pausedUntil || null })), now, { muted }).cue;
        }
        """;

    [Theory]
    [InlineData("high", "raised", "", false, "high")]
    [InlineData("high", "escalated", "", false, "high")]
    [InlineData("medium", "raised", "", false, "medium")]
    [InlineData("low", "raised", "", false, "none")]
    [InlineData("high", "acknowledged", "", false, "none")]
    [InlineData("high", "raised", "2026-11-25T10:01:00Z", false, "none")]
    [InlineData("high", "raised", "2026-11-25T09:59:59Z", false, "high")]
    [InlineData("high", "raised", "", true, "none")]
    public async Task GivenOneOpenAlarm_WhenTheCueIsDecided_ThenOnlyAnUnacknowledgedUnpausedHighOrMediumSounds(
        string priority, string status, string pausedUntil, bool muted, string cue)
    {
        var page = (await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress)).Page;

        var decided = await page.EvaluateAsync<string>(Decide, new object[] { new[] { new[] { priority, status, pausedUntil } }, muted });

        Assert.Equal(cue, decided);
        await page.CloseAsync();
    }

    [Fact]
    public async Task GivenAMediumAndAHighAlarm_WhenTheCueIsDecided_ThenTheHighBurstOfTenPulsesWins()
    {
        var page = (await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress)).Page;
        var alarms = new[] { new[] { "medium", "raised", "" }, new[] { "high", "raised", "" } };

        var decided = await page.EvaluateAsync<string>(Decide, new object[] { alarms, false });
        var pulses = await page.EvaluateAsync<int[]>(
            "async () => { const { CUE_PATTERNS } = await import('/dashboard/js/audio-cues.js'); return [CUE_PATTERNS.high.offsetsMs.length, CUE_PATTERNS.medium.offsetsMs.length]; }");

        Assert.Equal("high", decided);
        Assert.Equal([10, 3], pulses);
        await page.CloseAsync();
    }

    [Fact]
    public async Task GivenAnOpenHighAlarm_WhenTheStationMutesAndUnmutes_ThenTheCueStopsVisiblyAndReturns()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var body = ward.Page.Locator("body");
        await Expect(ward.AlarmRow(4, "high")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(body).ToHaveAttributeAsync("data-cue", "high");
        await Expect(body).ToHaveAttributeAsync("data-sound", "off");
        await ward.Page.Locator("#sound-enable").ClickAsync();
        await Expect(body).ToHaveAttributeAsync("data-sound", "on");
        await Expect(ward.Page.Locator("#sound-enable")).ToBeHiddenAsync();

        await ward.Page.Locator("#sound-mute").ClickAsync();

        await Expect(body).ToHaveAttributeAsync("data-sound", "muted");
        await Expect(body).ToHaveAttributeAsync("data-cue", "none");
        await Expect(body).ToHaveAttributeAsync("data-cue-wanted", "high");
        await Expect(ward.Page.Locator("#sound-mute")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(ward.Page.Locator("#sound-indicator")).ToHaveTextAsync("ALARM SOUND MUTED — HIGH alarm active");
        await ward.ScreenshotAsync("ward-muted");

        await ward.Page.Locator("#sound-mute").ClickAsync();

        await Expect(body).ToHaveAttributeAsync("data-sound", "on");
        await Expect(body).ToHaveAttributeAsync("data-cue", "high");
        await Expect(ward.Page.Locator("#sound-indicator")).ToBeHiddenAsync();
        await ward.Page.CloseAsync();
    }
}
