using CareStream.Testing.Hosting;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests;

/// <summary>
/// The README's first command in miniature: no Kafka, no connection string. The host starts its own mock cluster
/// and private PostgreSQL, stores the simulated ward, stops both on SIGTERM, and a second start reuses the data.
/// </summary>
public sealed class EmbeddedDefaultsTests
{
    private const string Patient = "sim-42-0001";

    [Fact]
    public async Task GivenEmbeddedDefaults_WhenStartedStoppedAndStartedAgain_ThenStoredReadingsSurviveAndPostgresStopsWithTheHost()
    {
        var ct = TestContext.Current.CancellationToken;
        var dataDirectory = Path.Combine(PostgresTestCluster.NewTempDirectory(), "data");
        var settings = new Dictionary<string, string> { ["Storage:EmbeddedDataDirectory"] = dataDirectory, ["Simulator:Beds"] = "2" };

        int firstCount;
        await using (var first = CareStreamProcess.Start(settings, "--roles", "all,simulator"))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), ct);
            using var http = first.CreateClient();
            using var system = await FhirClient.GetJsonAsync(http, "/api/system", ct);
            firstCount = (await FhirClient.WaitForObservationsAsync(http, Patient, minimum: 5, TimeSpan.FromSeconds(60), ct)).Length;

            Assert.True(system.RootElement.GetProperty("kafka").GetProperty("embedded").GetBoolean());
            Assert.Equal("embedded", system.RootElement.GetProperty("database").GetProperty("mode").GetString());
            Assert.True(firstCount >= 5, first.Tail());
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(30)));
            Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")), "PostgreSQL kept running after the host stopped");
        }

        await using var second = CareStreamProcess.Start(settings, "--roles", "api");
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), ct);
        using var again = second.CreateClient();
        var afterRestart = await FhirClient.WaitForObservationsAsync(again, Patient, minimum: firstCount, TimeSpan.FromSeconds(10), ct);

        Assert.True(afterRestart.Length >= firstCount, $"{afterRestart.Length} readings after restart, {firstCount} before");
        await second.StopAsync(TimeSpan.FromSeconds(30));
        Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);
    }
}
