using CareStream.Storage.Scores;

namespace CareStream.FhirApi.IntegrationTests.Scores;

public sealed class News2HistoryTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    [Fact]
    public async Task GivenStoredAndRedeliveredScores_WhenTheHistoryIsRead_ThenEachOutcomeIsOneObservationOldestFirst()
    {
        var patient = Seed.NewPatient().Value;
        var incomplete = new News2ScoreRecord(patient, Seed.T0, null, null, 1, ["consciousness"], "ward-1", "bed-02");
        var scored = new News2ScoreRecord(patient, Seed.T0.AddMinutes(5), 7, "high", 1, [], "ward-1", "bed-02");
        var ct = TestContext.Current.CancellationToken;
        var first = await api.News2Scores.WriteAsync([incomplete, scored], ct);
        var redelivered = await api.News2Scores.WriteAsync([scored], ct);

        var (status, bundle) = await api.GetAsync(
            $"/fhir/Patient/{patient}/$news2-history?start=2026-11-25T09:00:00Z&end=2026-11-25T11:00:00Z");

        Assert.Equal((2, 0), (first, redelivered));
        Assert.Equal(200, status);
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        var observations = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        Assert.Equal(2, observations.Count);
        Assert.False(observations[0].TryGetProperty("valueInteger", out _));
        Assert.Equal("unknown", observations[0].GetProperty("dataAbsentReason").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(7, observations[1].GetProperty("valueInteger").GetInt32());
        Assert.Equal("1104051000000101", observations[1].GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("high", observations[1].GetProperty("interpretation")[0].GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(Seed.T0.AddMinutes(5), observations[1].GetProperty("effectiveDateTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task GivenScoresInsideAndOutsideTheRange_WhenTheHistoryIsRead_ThenOnlyThoseInTheRangeAreReturned()
    {
        var patient = Seed.NewPatient().Value;
        var ct = TestContext.Current.CancellationToken;
        await api.News2Scores.WriteAsync(
            [.. new[] { -90, -10, 10, 90 }.Select(m => new News2ScoreRecord(patient, Seed.T0.AddMinutes(m), 2, "low", 1, [], null, null))], ct);

        var (_, bundle) = await api.GetAsync($"/fhir/Patient/{patient}/$news2-history?start=2026-11-25T09:30:00Z&end=2026-11-25T10:30:00Z");

        Assert.Equal(2, bundle.GetProperty("total").GetInt32());
        Assert.Equal([Seed.T0.AddMinutes(-10), Seed.T0.AddMinutes(10)],
            bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("effectiveDateTime").GetDateTimeOffset()));
    }

    [Theory]
    [InlineData("start=2026-10-01T00:00:00Z&end=2026-11-25T00:00:00Z", 400)]
    [InlineData("start=2026-11-25T10:00:00Z&end=2026-11-25T09:00:00Z", 400)]
    [InlineData("start=yesterday", 400)]
    [InlineData("start=2026-11-01&end=2026-11-30", 200)]
    [InlineData("", 200)]
    public async Task GivenARange_WhenTheHistoryIsRequested_ThenOver31DaysOrReversedOrMalformedIsA400OperationOutcome(string query, int expected)
    {
        var (status, body) = await api.GetAsync($"/fhir/Patient/{Seed.NewPatient()}/$news2-history?{query}");

        Assert.Equal(expected, status);
        Assert.Equal(expected == 200 ? "Bundle" : "OperationOutcome", body.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task GivenAnUnknownParameterInStrictMode_WhenTheHistoryIsRequested_ThenItIsRefused()
    {
        var (status, _) = await api.GetAsync($"/fhir/Patient/{Seed.NewPatient()}/$news2-history?foo=1", prefer: "handling=strict");

        Assert.Equal(400, status);
    }

}
