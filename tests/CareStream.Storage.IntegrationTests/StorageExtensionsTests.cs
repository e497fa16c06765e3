using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareStream.Storage.IntegrationTests;

public sealed class StorageExtensionsTests
{
    [Fact]
    public async Task GivenNoConnectionString_WhenHostStartsTwice_ThenEmbeddedClusterIsMigratedReadyAndKeepsData()
    {
        var root = PostgresTestCluster.NewTempDirectory();
        var settings = new Dictionary<string, string?> { ["Storage:EmbeddedDataDirectory"] = Path.Combine(root, "data") };
        var patient = SyntheticReadings.NewPatient();
        var readings = SyntheticReadings.Series(patient, SyntheticReadings.NewDevice(), VitalSignKind.HeartRate, DateTimeOffset.UtcNow.AddMinutes(-5), 30, TimeSpan.FromSeconds(1));
        try
        {
            using (var host = BuildHost(settings))
            {
                await host.StartAsync(TestContext.Current.CancellationToken);
                var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"), TestContext.Current.CancellationToken);
                var inserted = await host.Services.GetRequiredService<ObservationWriter>().WriteAsync(readings, TestContext.Current.CancellationToken);
                await host.StopAsync(TestContext.Current.CancellationToken);

                Assert.Equal(HealthStatus.Healthy, health.Status);
                Assert.Equal(30, inserted);
                Assert.True(host.Services.GetRequiredService<IDatabaseEndpoint>().IsEmbedded);
                Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "the server must stop with the host");
            }

            using var again = BuildHost(settings);
            await again.StartAsync(TestContext.Current.CancellationToken);
            var count = await again.Services.GetRequiredService<ObservationQueries>().CountAsync(new ReadingSearch(patient), TestContext.Current.CancellationToken);
            await again.StopAsync(TestContext.Current.CancellationToken);

            Assert.Equal(30, count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("Storage:RetentionDays", "0")]
    [InlineData("Storage:PartitionsAheadDays", "0")]
    [InlineData("Storage:EmbeddedDataDirectory", "relative/path")]
    [InlineData("Storage:PostgresBinDirectory", "/nonexistent/carestream/bin")]
    [InlineData("Storage:MaxPoolSize", "0")]
    [InlineData("Storage:MaxPoolSize", "100000")]
    [InlineData("Storage:MaxAutoPrepare", "-1")]
    public async Task GivenInvalidSetting_WhenHostStarts_ThenValidationNamesTheSetting(string key, string value)
    {
        using var host = BuildHost(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Username=u", 32, 64)]
    [InlineData("Host=db;Username=u;Maximum Pool Size=10", 10, 64)]
    [InlineData("Host=db;Username=u;MaxPoolSize=12;Max Auto Prepare=0", 12, 0)]
    public void GivenConnectionString_WhenDataSourceIsConfigured_ThenPoolAndPreparationFollowOptionsUnlessSetExplicitly(
        string connectionString, int expectedPool, int expectedAutoPrepare)
    {
        var options = new StorageOptions();

        var result = new Npgsql.NpgsqlConnectionStringBuilder(StorageExtensions.DataSourceConnectionString(connectionString, options));

        Assert.Equal(expectedPool, result.MaxPoolSize);
        Assert.Equal(expectedAutoPrepare, result.MaxAutoPrepare);
        Assert.True(result.NoResetOnClose);
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        return builder.Build();
    }
}
