using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Storage.IntegrationTests.Embedded;

/// <summary>F9: a batch whose write returned survives a server crash (immediate stop, WAL replay on restart).</summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task GivenBatchesAcknowledgedWhileTheServerIsKilled_WhenRestarted_ThenEveryAcknowledgedReadingIsPresent()
    {
        var server = PostgresTestCluster.CreatePrivate();
        try
        {
            await server.StartAsync(TestContext.Current.CancellationToken);
            var acknowledged = new List<VitalSignReading>();
            await using (var services = PostgresFixture.CreateServices(server.ConnectionString, new Dictionary<string, string?> { ["Storage:WriteRetryCount"] = "0" }))
            {
                await StorageExtensions.MigrateAsync(services, TestContext.Current.CancellationToken);
                var writer = services.GetRequiredService<ObservationWriter>();
                var patient = SyntheticReadings.NewPatient();
                var device = SyntheticReadings.NewDevice();
                using var stop = new CancellationTokenSource();
                var writing = Task.Run(
                    async () =>
                    {
                        for (var batch = 0; !stop.IsCancellationRequested; batch++)
                        {
                            var readings = SyntheticReadings.Series(patient, device, VitalSignKind.HeartRate, SyntheticReadings.Start.AddHours(batch), 500, TimeSpan.FromSeconds(1));
                            try
                            {
                                await writer.WriteAsync(readings, CancellationToken.None);
                                lock (acknowledged)
                                {
                                    acknowledged.AddRange(readings);
                                }
                            }
                            catch (Exception)
                            {
                                return; // the server died mid-batch: this batch was never acknowledged
                            }
                        }
                    },
                    TestContext.Current.CancellationToken);
                await Task.Delay(1500, TestContext.Current.CancellationToken);

                await server.StopAsync("immediate", TestContext.Current.CancellationToken);
                await stop.CancelAsync();
                await writing;
            }

            await server.StartAsync(TestContext.Current.CancellationToken);
            await using var after = PostgresFixture.CreateServices(server.ConnectionString);
            var queries = after.GetRequiredService<ObservationQueries>();
            // Batches cover consecutive hours, so [first, last acknowledged] holds exactly the acknowledged readings.
            var range = new ReadingSearch(acknowledged[0].Patient, From: acknowledged.Min(r => r.EffectiveAt), To: acknowledged.Max(r => r.EffectiveAt).AddMilliseconds(1));
            var stored = await queries.CountAsync(range, TestContext.Current.CancellationToken);

            Assert.True(acknowledged.Count >= 500, $"only {acknowledged.Count} readings acknowledged before the crash");
            Assert.Equal(acknowledged.Count, stored);
        }
        finally
        {
            await PostgresTestCluster.DestroyAsync(server);
        }
    }
}
