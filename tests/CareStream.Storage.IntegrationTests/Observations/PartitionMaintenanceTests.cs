using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using CareStream.Storage.Partitions;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareStream.Storage.IntegrationTests.Observations;

// Its own database: it drops partitions, which must not race other classes' data.
public sealed class PartitionMaintenanceTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset Today = new(2027, 1, 20, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenMaintenancePass_WhenRun_ThenPartitionsAheadExistAndExpiredOnesAreDroppedWithTheirTrend()
    {
        var writer = fixture.Services.GetRequiredService<ObservationWriter>();
        var queries = fixture.Services.GetRequiredService<ObservationQueries>();
        var patient = SyntheticReadings.NewPatient();
        var old = Today.AddDays(-40);
        await writer.WriteAsync(SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.HeartRate, old, 10, TimeSpan.FromSeconds(1)), TestContext.Current.CancellationToken);
        await writer.WriteAsync(SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.HeartRate, Today, 10, TimeSpan.FromSeconds(1)), TestContext.Current.CancellationToken);
        var worker = new PartitionMaintenanceWorker(
            fixture.Services.GetRequiredService<NpgsqlDataSource>(),
            fixture.Services.GetRequiredService<PartitionManager>(),
            Options.Create(new StorageOptions { RetentionDays = 30, TrendRetentionDays = 30, PartitionsAheadDays = 3 }),
            new FixedTimeProvider(Today),
            NullLogger<PartitionMaintenanceWorker>.Instance);

        await worker.RunOnceAsync(TestContext.Current.CancellationToken);

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var days = await PartitionManager.ListAsync(connection, TestContext.Current.CancellationToken);
        var today = DateOnly.FromDateTime(Today.UtcDateTime);
        Assert.All(Enumerable.Range(0, 4).Select(today.AddDays), d => Assert.Contains(d, days));
        Assert.DoesNotContain(DateOnly.FromDateTime(old.UtcDateTime), days);
        Assert.All(days, d => Assert.True(d >= today.AddDays(-30)));
        Assert.Equal(10, await queries.CountAsync(new ReadingSearch(patient), TestContext.Current.CancellationToken));
        Assert.Empty(await queries.TrendAsync(patient, VitalSignKind.HeartRate, old.AddHours(-1), old.AddHours(1), TestContext.Current.CancellationToken));
        Assert.Single(await queries.TrendAsync(patient, VitalSignKind.HeartRate, Today, Today.AddHours(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GivenPartitionDroppedBehindTheWritersCache_WhenWrittenAgain_ThenThePartitionIsRecreated()
    {
        var writer = fixture.Services.GetRequiredService<ObservationWriter>();
        var day = new DateTimeOffset(2028, 5, 5, 0, 0, 0, TimeSpan.Zero);
        var patient = SyntheticReadings.NewPatient();
        await writer.WriteAsync(SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.HeartRate, day, 1, TimeSpan.FromSeconds(1)), TestContext.Current.CancellationToken);
        await using (var connection = new NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = new NpgsqlCommand($"DROP TABLE {PartitionManager.PartitionName(DateOnly.FromDateTime(day.UtcDateTime))}", connection);
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var inserted = await writer.WriteAsync(SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.HeartRate, day, 3, TimeSpan.FromSeconds(1)), TestContext.Current.CancellationToken);

        Assert.Equal(3, inserted);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
