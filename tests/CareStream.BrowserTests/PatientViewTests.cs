using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// The patient view against the real FHIR API: raw readings for 1 h, the 1-minute trend tier for 8 h, the alarm
/// history loaded from <c>/fhir/Flag</c>, readable at wall-screen and tablet sizes.
/// </summary>
[Collection(LiveWardCollection.Name)]
public sealed class PatientViewTests(LiveWardFixture fixture)
{
    private static readonly string[] Charts = ["hr", "spo2", "rr", "temp"];

    [Fact]
    public async Task GivenALiveBed_WhenItsTileIsClicked_ThenTheTrendChartsAreDrawnFromRawReadingsThenTheTrendTier()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);
        var bed = WardPage.Bed(1);
        await Expect(ward.Parameter(bed, "hr")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });

        // The chart is drawn once on open: when this test runs first on a busy machine, wait until the store holds a
        // raw series worth drawing.
        var patient = await ward.Tile(bed).GetAttributeAsync("data-patient") ?? "";
        await WaitForStoredHeartRatesAsync(patient, minimum: 15, TestContext.Current.CancellationToken);

        await ward.Tile(bed).ClickAsync();

        var dialog = ward.Page.Locator("#patient-view");
        await Expect(dialog).ToBeVisibleAsync();
        foreach (var chart in Charts)
        {
            var plot = dialog.Locator($".trend-plot[data-chart='{chart}']");
            await Expect(plot).ToHaveAttributeAsync("data-state", "drawn", new() { Timeout = 20_000 });
            await Expect(plot).ToHaveAttributeAsync("data-source", "raw");
            await Expect(plot.Locator("canvas")).ToHaveCountAsync(1);
        }

        Assert.True(int.Parse(await dialog.Locator(".trend-plot[data-chart='hr']").GetAttributeAsync("data-points") ?? "0",
            System.Globalization.CultureInfo.InvariantCulture) > 10, "The 1 h heart-rate chart has almost no raw readings.");
        await Expect(dialog.Locator("#alarm-history")).ToHaveAttributeAsync("data-state", "loaded");
        await ward.ScreenshotAsync("patient-view-1h", fullPage: false);

        await dialog.Locator("button[data-range='8h']").ClickAsync();

        await Expect(dialog.Locator("button[data-range='8h']")).ToHaveAttributeAsync("aria-pressed", "true");
        var hr = dialog.Locator(".trend-plot[data-chart='hr']");
        await Expect(hr).ToHaveAttributeAsync("data-source", "trend", new() { Timeout = 20_000 });
        await Expect(hr).ToHaveAttributeAsync("data-state", "drawn");
        await ward.ScreenshotAsync("patient-view-8h", fullPage: false);
        await ward.Page.SetViewportSizeAsync(820, 1180);
        await ward.ScreenshotAsync("patient-view-tablet", fullPage: false);
        await ward.Page.CloseAsync();
    }

    private async Task WaitForStoredHeartRatesAsync(string patient, int minimum, CancellationToken cancellationToken)
    {
        using var http = fixture.Host.CreateClient();
        var query = new Uri($"fhir/Observation?patient={patient}&code=urn:iso:std:iso:11073:10101|147842&_summary=count", UriKind.Relative);
        var total = 0;
        for (var attempt = 0; attempt < 120 && total < minimum; attempt++)
        {
            using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(query, cancellationToken));
            total = json.RootElement.GetProperty("total").GetInt32();
            if (total < minimum)
            {
                await Task.Delay(500, cancellationToken);
            }
        }

        Assert.True(total >= minimum, $"Only {total} heart rates of {patient} were stored after 60 s.");
    }
}
