namespace CareStream.BrowserTests;

/// <summary>The join snapshot's trend points fill the sparkline at once, only for the bed's current patient.</summary>
[Collection(LiveWardCollection.Name)]
public sealed class SnapshotTrendTests(LiveWardFixture fixture)
{
    private const string Apply = """
        async (trendPatient) => {
          const { WardState } = await import('/dashboard/js/state.js');
          const { STALE_AFTER_SECONDS } = await import('/dashboard/js/config.js');
          const state = new WardState('ward-test', STALE_AFTER_SECONDS);
          const now = Date.now();
          const start = new Date(now - 10 * 60 * 1000).toISOString();
          state.applySnapshot({
            generatedAt: new Date(now).toISOString(),
            latest: [{ bed: 'bed-1', patient: 'p-1', kind: 'heartRate', value: 70, unit: '/min', effectiveAt: new Date(now).toISOString() }],
            trends: [{ bed: 'bed-1', patient: trendPatient, kind: 'heartRate', start, offsetsMs: [0, 5000, 10000], values: [80, 81, 82] }],
          });
          return state.beds.get('bed-1').heartRate.length;
        }
        """;

    [Theory]
    [InlineData("p-1", 4)]
    [InlineData("p-previous", 1)]
    public async Task GivenASnapshotWithTrendPoints_WhenApplied_ThenTheCurrentPatientsPointsSeedTheSparkline(string trendPatient, int points)
    {
        var page = (await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress)).Page;

        var count = await page.EvaluateAsync<int>(Apply, trendPatient);

        Assert.Equal(points, count);
        await page.CloseAsync();
    }
}
