using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// The NEWS2 history chart of the patient view, end to end: the sepsis bed is charted (air, Alert, Scale 1), the rules
/// role scores it and publishes to the scores topic, the store role appends it to <c>news2_score</c>, the FHIR API
/// serves it through <c>$news2-history</c> and the chart draws at least one scored step, following the range buttons.
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed partial class News2HistoryChartTests(LiveWardFixture fixture)
{
    private const int SepsisBed = 2;

    [Fact]
    public async Task GivenTheSepsisBedIsCharted_WhenItsPatientViewIsOpened_ThenTheNews2HistoryChartShowsAScoredPoint()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var tile = ward.Tile(WardPage.Bed(SepsisBed));
        await Expect(tile).ToHaveAttributeAsync("data-patient", NonEmpty(), new() { Timeout = 60_000 });
        var patient = await tile.GetAttributeAsync("data-patient");
        using var http = fixture.Host.Client(fixture.Host.Tokens.Nurse("usr-charge-carla"));
        using var response = await http.PutAsJsonAsync(
            new Uri($"api/patients/{patient}/charting", UriKind.Relative),
            new { onOxygen = false, consciousness = "A", spo2Scale = 1 },
            TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"charting answered {(int)response.StatusCode}");
        await Expect(tile.Locator(".news2")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });

        await tile.ClickAsync();

        var dialog = ward.Page.Locator("#patient-view");
        var chart = dialog.Locator(".trend-plot[data-chart='news2']");
        await Expect(chart).ToHaveAttributeAsync("data-points", Positive(), new() { Timeout = 45_000 });
        await Expect(chart).ToHaveAttributeAsync("data-state", "drawn");
        await Expect(chart.Locator("canvas")).ToHaveCountAsync(1);
        await Expect(dialog.Locator("figure.news2-history figcaption")).ToHaveTextAsync(Latest());
        await ward.ScreenshotAsync("patient-view-news2-1h", fullPage: false);

        await dialog.Locator("button[data-range='24h']").ClickAsync();

        await Expect(chart).ToHaveAttributeAsync("data-state", "drawn", new() { Timeout = 20_000 });
        await Expect(chart).ToHaveAttributeAsync("data-points", Positive());
        await ward.Page.CloseAsync();
    }

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex Positive();

    [GeneratedRegex(@"NEWS2 — latest: ([0-9]+ \((low|low-medium|medium|high)\)|incomplete)")]
    private static partial Regex Latest();

    [GeneratedRegex(".+")]
    private static partial Regex NonEmpty();
}
