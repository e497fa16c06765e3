namespace CareStream.Bench.Running;

/// <summary>The host's configuration for a bench run: the harness's PostgreSQL, optional Kafka, quiet logs.</summary>
public static class HostSettings
{
    public static Dictionary<string, string> For(BenchOptions options, BenchDatabase database)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(database);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:CareStream"] = database.ConnectionString,
            ["Storage:MigrateOnStart"] = "true",
            // Per-request logs would cost the host CPU the bench is measuring; warnings still reach host.log.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (options.KafkaBootstrapServers is { } kafka)
        {
            settings["Kafka:BootstrapServers"] = kafka;
        }

        foreach (var (key, value) in options.HostSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
