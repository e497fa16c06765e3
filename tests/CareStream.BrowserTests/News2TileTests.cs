using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// NEWS2 on the bed tile, end to end: the rules role scores the simulated vitals with the charted inputs, publishes
/// the outcome to the scores topic, the live role pushes it and the tile shows "NEWS2 n" in its response level's
/// colour. A bed without charting (no air/oxygen, no ACVPU) shows "NEWS2 incomplete", never a zero-filled number.
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed partial class News2TileTests(LiveWardFixture fixture)
{
    private const int SepsisBed = 2;
    private const int StableBed = 1;

    [Fact]
    public async Task GivenTheSepsisBedIsCharted_WhenScored_ThenItsTileShowsTheNews2ScoreInItsResponseLevelColour()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var tile = ward.Tile(WardPage.Bed(SepsisBed));
        await Expect(tile).ToHaveAttributeAsync("data-patient", NonEmpty(), new() { Timeout = 60_000 });
        var patient = await tile.GetAttributeAsync("data-patient");
        using var http = fixture.Host.CreateClient();

        using var response = await http.PutAsJsonAsync(
            new Uri($"api/patients/{patient}/charting", UriKind.Relative),
            new { onOxygen = false, consciousness = "A", spo2Scale = 1 },
            TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"charting answered {(int)response.StatusCode}");
        var badge = tile.Locator(".news2");
        await Expect(badge).ToHaveTextAsync(ScoreText(), new() { Timeout = 30_000 });
        await Expect(badge).ToHaveAttributeAsync("data-state", "live");
        await Expect(badge).ToHaveAttributeAsync("data-level", Level());
        var colour = await badge.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", colour);
        Assert.Contains("NEWS2", await tile.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);
        await ward.ScreenshotAsync("ward-news2");
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenABedWithoutCharting_WhenScored_ThenItsTileSaysNews2IncompleteWithoutANumber()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var badge = ward.Tile(WardPage.Bed(StableBed)).Locator(".news2");

        await Expect(badge).ToHaveTextAsync("NEWS2 incomplete", new() { Timeout = 60_000 });

        await Expect(badge).ToHaveAttributeAsync("data-state", "incomplete");
        await Expect(badge).ToHaveAttributeAsync("title", new Regex("air or oxygen.*consciousness"));
        await ward.Page.CloseAsync();
    }

    [GeneratedRegex(@"^NEWS2 ([0-9]|1[0-9]|20)$")]
    private static partial Regex ScoreText();

    [GeneratedRegex("^(low|low-medium|medium|high)$")]
    private static partial Regex Level();

    [GeneratedRegex(".+")]
    private static partial Regex NonEmpty();
}
