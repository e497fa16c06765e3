using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Storage.IntegrationTests.Observations;

[Collection(StorageCollection.Name)]
public sealed class ObservationQueriesTests(PostgresFixture fixture)
{
    private readonly ObservationWriter _writer = fixture.Services.GetRequiredService<ObservationWriter>();
    private readonly ObservationQueries _queries = fixture.Services.GetRequiredService<ObservationQueries>();

    [Theory]
    [InlineData(true, 7)]
    [InlineData(false, 7)]
    [InlineData(true, 1)]
    [InlineData(false, 50)]
    public async Task GivenHistoryOfSeveralKinds_WhenPagedWithCursors_ThenEveryRowAppearsExactlyOnceInOrder(bool newestFirst, int pageSize)
    {
        var (patient, stored) = await SeedAsync();

        var seen = new List<StoredReading>();
        string? cursor = null;
        do
        {
            var page = await _queries.SearchAsync(new ReadingSearch(patient, NewestFirst: newestFirst, PageSize: pageSize, Cursor: cursor), TestContext.Current.CancellationToken);
            Assert.True(page.Items.Count <= pageSize);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(stored.Count, seen.Count);
        Assert.Equal(stored.Count, seen.Select(r => (r.ObservationId, r.Kind)).Distinct().Count());
        var effective = seen.Select(r => r.EffectiveAt).ToList();
        Assert.Equal(newestFirst ? effective.OrderDescending() : effective.Order(), effective);
    }

    [Fact]
    public async Task GivenKindAndDateRange_WhenSearched_ThenOnlyMatchingRowsAreReturnedAndCounted()
    {
        var (patient, stored) = await SeedAsync();
        var from = SyntheticReadings.Start.AddSeconds(10);
        var to = SyntheticReadings.Start.AddSeconds(40);
        var search = new ReadingSearch(patient, [VitalSignKind.HeartRate, VitalSignKind.SystolicBloodPressure], from, to, PageSize: 1000);

        var page = await _queries.SearchAsync(search, TestContext.Current.CancellationToken);
        var count = await _queries.CountAsync(search, TestContext.Current.CancellationToken);

        var expected = stored.Where(r => r.Kind is VitalSignKind.HeartRate or VitalSignKind.SystolicBloodPressure && r.EffectiveAt >= from && r.EffectiveAt < to).ToList();
        Assert.Equal(expected.Count, page.Items.Count);
        Assert.Equal(expected.Count, count);
        Assert.All(page.Items, r => Assert.InRange(r.EffectiveAt, from, to.AddTicks(-1)));
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task GivenStatusFilter_WhenSearched_ThenOnlyThatStatusIsReturned()
    {
        var (patient, stored) = await SeedAsync();

        var page = await _queries.SearchAsync(new ReadingSearch(patient, Status: ObservationStatus.Final, PageSize: 1000), TestContext.Current.CancellationToken);

        Assert.Equal(stored.Count(r => r.Status == ObservationStatus.Final), page.Items.Count);
        Assert.All(page.Items, r => Assert.Equal(ObservationStatus.Final, r.Status));
    }

    [Fact]
    public async Task GivenHistory_WhenLatestPerKindRequested_ThenTheNewestReadingOfEachKindIsReturned()
    {
        var (patient, stored) = await SeedAsync();

        var latest = await _queries.LatestPerKindAsync(patient, TestContext.Current.CancellationToken);

        var expected = stored.GroupBy(r => r.Kind).Select(g => g.MaxBy(r => r.EffectiveAt)).OrderBy(r => r.Kind).ToList();
        Assert.Equal(expected, latest.Select(r => r.ToReading()).ToList());
    }

    [Fact]
    public async Task GivenUnknownPatient_WhenSearched_ThenNothingIsReturned()
    {
        var page = await _queries.SearchAsync(new ReadingSearch(SyntheticReadings.NewPatient()), TestContext.Current.CancellationToken);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task GivenForgedCursor_WhenSearched_ThenArgumentExceptionIsThrown()
    {
        var search = new ReadingSearch(SyntheticReadings.NewPatient(), Cursor: "not-a-cursor");

        await Assert.ThrowsAsync<ArgumentException>(() => _queries.SearchAsync(search, TestContext.Current.CancellationToken));
    }

    // Three HR/SpO2 series plus BP panels every 15 s that share effective times and ids: ties exercise the cursor.
    private async Task<(PatientId Patient, List<VitalSignReading> Stored)> SeedAsync()
    {
        var patient = SyntheticReadings.NewPatient();
        var device = SyntheticReadings.NewDevice();
        var readings = SyntheticReadings.Series(patient, device, VitalSignKind.HeartRate, SyntheticReadings.Start, 60, TimeSpan.FromSeconds(1));
        readings.AddRange(SyntheticReadings.Series(patient, device, VitalSignKind.OxygenSaturation, SyntheticReadings.Start, 60, TimeSpan.FromSeconds(1), 95));
        readings.AddRange(SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.BodyTemperature, SyntheticReadings.Start, 3, TimeSpan.FromMinutes(1), 36.6));
        for (var t = 0; t < 60; t += 15)
        {
            readings.AddRange(SyntheticReadings.BloodPressurePanel(patient, device, SyntheticReadings.Start.AddSeconds(t), 120 + t, 80, 93));
        }

        readings.AddRange(SyntheticReadings.Series(SyntheticReadings.NewPatient(), device, VitalSignKind.HeartRate, SyntheticReadings.Start, 30, TimeSpan.FromSeconds(1)));
        await _writer.WriteAsync(readings, TestContext.Current.CancellationToken);
        return (patient, readings.Where(r => r.Patient == patient).ToList());
    }
}
