using System.Diagnostics;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Npgsql;

namespace CareStream.IntegrationTests;

/// <summary>The executable's commands besides serving: <c>carestream migrate</c> and <c>carestream simulate</c>.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class CommandTests(KafkaFixture kafka)
{
    [Fact]
    public async Task GivenAnEmptyDatabase_WhenMigrateRuns_ThenTheSchemaExistsAndKafkaIsNeverTouched()
    {
        var ct = TestContext.Current.CancellationToken;
        var cluster = await PostgresTestCluster.GetAsync();
        var database = $"carestream_migrate_{Guid.NewGuid():N}";
        await cluster.EnsureDatabaseAsync(database, ct);
        var connectionString = cluster.GetConnectionString(database);

        await using var migrate = CareStreamProcess.Start(
            new Dictionary<string, string> { ["ConnectionStrings:CareStream"] = connectionString }, "migrate");
        var exitCode = await WaitForExitAsync(migrate, ct);

        Assert.True(exitCode == 0, migrate.Tail());
        Assert.Contains("database is up to date", migrate.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("MOCK Kafka", migrate.Output, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('observation', 'patient', 'device_assignment')", connection);
        Assert.Equal(3L, (long)(await command.ExecuteScalarAsync(ct))!);
    }

    [Fact]
    public async Task GivenNoConnectionString_WhenMigrateRuns_ThenItExitsWithTheSettingToFix()
    {
        var ct = TestContext.Current.CancellationToken;

        await using var migrate = CareStreamProcess.Start(new Dictionary<string, string>(), "migrate");
        var exitCode = await WaitForExitAsync(migrate, ct);

        Assert.Equal(2, exitCode);
        Assert.Contains("ConnectionStrings:CareStream", migrate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAKafkaCluster_WhenSimulateRuns_ThenItAnnouncesTheWardAndPublishesReadingsKeyedByDevice()
    {
        var ct = TestContext.Current.CancellationToken;
        var devices = await kafka.CreateUniqueTopicAsync("sim-devices");
        var assignments = await kafka.CreateUniqueTopicAsync("sim-assignments");

        await using var simulate = CareStreamProcess.Start(
            new Dictionary<string, string>
            {
                ["Kafka:ProvisionTopics"] = "false",
                ["Kafka:Topics:DeviceObservations"] = devices,
                ["Kafka:Topics:Assignments"] = assignments,
            },
            "simulate", "--beds", "2", "--seed", "5", "--bootstrap-servers", kafka.BootstrapServers);
        var registry = kafka.ReadAll(assignments, expected: 6, TimeSpan.FromSeconds(30));
        var readings = kafka.ReadAll(devices, expected: 10, TimeSpan.FromSeconds(30));

        Assert.Equal(
            ["bed/ward-1-bed-01", "bed/ward-1-bed-02", "device/monitor-1-01", "device/monitor-1-02", "patient/sim-5-0001", "patient/sim-5-0002"],
            registry.Select(r => r.Message.Key).Order());
        Assert.True(readings.Count >= 10, simulate.Tail());
        Assert.All(readings, r => Assert.Matches("^monitor-1-0[12]$", r.Message.Key));
    }

    private static async Task<int> WaitForExitAsync(CareStreamProcess process, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100, cancellationToken);
        }

        Assert.True(process.HasExited, "the command did not finish within 60 s:\n" + process.Tail());
        return process.ExitCode;
    }
}
