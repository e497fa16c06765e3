using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareStream.Storage.IntegrationTests.Observations;

[Collection(StorageCollection.Name)]
public sealed class ObservationWriterTests(PostgresFixture fixture)
{
    private readonly ObservationWriter _writer = fixture.Services.GetRequiredService<ObservationWriter>();
    private readonly ObservationQueries _queries = fixture.Services.GetRequiredService<ObservationQueries>();

    [Fact]
    public async Task GivenNewBatch_WhenRedelivered_ThenSecondWriteInsertsNothingAndOneRowPerReadingIsStored()
    {
        var patient = SyntheticReadings.NewPatient();
        var batch = SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.HeartRate, SyntheticReadings.Start, 500, TimeSpan.FromSeconds(1));

        var first = await _writer.WriteAsync(batch, TestContext.Current.CancellationToken);
        var second = await _writer.WriteAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(500, first);
        Assert.Equal(0, second);
        Assert.Equal(500, await _queries.CountAsync(new ReadingSearch(patient), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GivenBatchWithTheSameReadingTwice_WhenWritten_ThenItIsStoredOnce()
    {
        var patient = SyntheticReadings.NewPatient();
        var batch = SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.OxygenSaturation, SyntheticReadings.Start, 10, TimeSpan.FromSeconds(1), 95);
        batch.AddRange(batch.Take(4));

        var inserted = await _writer.WriteAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(10, inserted);
    }

    [Fact]
    public async Task GivenBloodPressurePanel_WhenWritten_ThenThreeRowsShareTheObservationId()
    {
        var patient = SyntheticReadings.NewPatient();
        var device = SyntheticReadings.NewDevice();
        var panel = SyntheticReadings.BloodPressurePanel(patient, device, SyntheticReadings.Start, 120, 80, 93.3);

        var inserted = await _writer.WriteAsync(panel, TestContext.Current.CancellationToken);
        var page = await _queries.SearchAsync(new ReadingSearch(patient), TestContext.Current.CancellationToken);

        Assert.Equal(3, inserted);
        Assert.Equal(3, page.Items.Count);
        Assert.All(page.Items, r => Assert.Equal(panel[0].ObservationId, r.ObservationId));
        Assert.Equal(
            panel.Select(r => (r.Kind, r.MdcCode, r.Value, r.Status, r.Device)).OrderBy(r => r.Kind),
            page.Items.Select(r => (r.Kind, r.MdcCode, r.Value, r.Status, r.Device)).OrderBy(r => r.Kind));
    }

    [Fact]
    public async Task GivenStoredReading_WhenReadBack_ThenEveryFieldRoundTrips()
    {
        var patient = SyntheticReadings.NewPatient();
        var device = SyntheticReadings.NewDevice();
        var effective = SyntheticReadings.Start.AddMilliseconds(123);
        var reading = new VitalSignReading(
            SyntheticReadings.IdFor(device, VitalSignKind.BodyTemperature, effective), patient, device, VitalSignKind.BodyTemperature, 150364, 37.2, effective, ObservationStatus.Amended);

        await _writer.WriteAsync([reading], TestContext.Current.CancellationToken);
        var stored = Assert.Single((await _queries.SearchAsync(new ReadingSearch(patient), TestContext.Current.CancellationToken)).Items);

        Assert.Equal(reading, stored.ToReading());
    }

    [Fact]
    public async Task GivenRedeliveryOverlappingNewReadings_WhenWritten_ThenTrendAggregatesCountEachReadingOnce()
    {
        var patient = SyntheticReadings.NewPatient();
        var all = SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.RespiratoryRate, SyntheticReadings.Start, 180, TimeSpan.FromSeconds(1), 14);

        await _writer.WriteAsync(all[..100], TestContext.Current.CancellationToken);
        await _writer.WriteAsync(all[50..], TestContext.Current.CancellationToken);
        await _writer.WriteAsync(all, TestContext.Current.CancellationToken);
        var trend = await _queries.TrendAsync(patient, VitalSignKind.RespiratoryRate, SyntheticReadings.Start, SyntheticReadings.Start.AddHours(1), TestContext.Current.CancellationToken);

        var expected = all.GroupBy(r => r.EffectiveAt.AddSeconds(-r.EffectiveAt.Second))
            .Select(g => new TrendPoint(g.Key, g.Min(r => r.Value), g.Max(r => r.Value), g.Average(r => r.Value), g.Count()))
            .ToList();
        Assert.Equal(expected.Count, trend.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Minute, trend[i].Minute);
            Assert.Equal(expected[i].Min, trend[i].Min);
            Assert.Equal(expected[i].Max, trend[i].Max);
            Assert.Equal(expected[i].Mean, trend[i].Mean, 6);
            Assert.Equal(expected[i].Count, trend[i].Count);
        }
    }

    [Fact]
    public async Task GivenReadingOnADayWithoutPartition_WhenWritten_ThenThePartitionIsCreatedAtWriteTime()
    {
        var patient = SyntheticReadings.NewPatient();
        var day = new DateTimeOffset(2031, 7, 4, 23, 59, 59, TimeSpan.Zero);
        var batch = SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.PulseRate, day, 2, TimeSpan.FromSeconds(1));

        var inserted = await _writer.WriteAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(2, inserted);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var days = await PartitionManager.ListAsync(connection, TestContext.Current.CancellationToken);
        Assert.Contains(new DateOnly(2031, 7, 4), days);
        Assert.Contains(new DateOnly(2031, 7, 5), days);
    }
}
