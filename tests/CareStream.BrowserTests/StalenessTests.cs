namespace CareStream.BrowserTests;

/// <summary>The page's staleness thresholds, evaluated by the page's own module in the browser.</summary>
[Collection(LiveWardCollection.Name)]
public sealed class StalenessTests(LiveWardFixture fixture)
{
    private const string Evaluate = """
        async ([kind, ageSeconds]) => {
          const { WardState } = await import('/dashboard/js/state.js');
          const { STALE_AFTER_SECONDS } = await import('/dashboard/js/config.js');
          const state = new WardState('ward-test', STALE_AFTER_SECONDS);
          const now = Date.now();
          state.apply({ bed: 'bed', patient: 'p', kind, value: 1, unit: '/min', effectiveAt: new Date(now - ageSeconds * 1000).toISOString() });
          return state.fresh(state.beds.get('bed'), kind, now) !== null;
        }
        """;

    [Theory]
    [InlineData("heartRate", 9, true)]
    [InlineData("heartRate", 11, false)]
    [InlineData("pulseRate", 11, false)]
    [InlineData("oxygenSaturation", 9, true)]
    [InlineData("oxygenSaturation", 11, false)]
    [InlineData("respiratoryRate", 11, false)]
    [InlineData("bodyTemperature", 9, true)]
    [InlineData("bodyTemperature", 11, false)]
    [InlineData("systolicBloodPressure", 19 * 60, true)]
    [InlineData("systolicBloodPressure", 21 * 60, false)]
    [InlineData("diastolicBloodPressure", 21 * 60, false)]
    [InlineData("meanBloodPressure", 19 * 60, true)]
    [InlineData("meanBloodPressure", 21 * 60, false)]
    public async Task GivenAReadingOfAnAge_WhenJudged_ThenItIsShownOnlyWithinItsThreshold(string kind, int ageSeconds, bool shown)
    {
        var page = (await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress)).Page;

        var fresh = await page.EvaluateAsync<bool>(Evaluate, new object[] { kind, ageSeconds });

        Assert.Equal(shown, fresh);
        await page.CloseAsync();
    }
}
