using CareStream.Messaging;
using CareStream.Simulator;

namespace CareStream.Host.Commands;

/// <summary>
/// <c>carestream simulate --beds 32 --bootstrap-servers host:9092</c>: a standalone simulated ward publishing to a
/// given Kafka cluster, for demos and load generation in a separate process.
/// </summary>
internal static class SimulateCommand
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--beds"] = "Simulator:Beds",
        ["--seed"] = "Simulator:Seed",
        ["--interval"] = "Simulator:ReadingInterval",
        ["--stable"] = "Simulator:AllStable",
        ["--bootstrap-servers"] = "Kafka:BootstrapServers",
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddCommandLine(args, Switches);
        if (string.IsNullOrWhiteSpace(builder.Configuration["Kafka:BootstrapServers"]))
        {
            await Console.Error.WriteLineAsync(
                "carestream simulate: set --bootstrap-servers (or Kafka:BootstrapServers) to the cluster to publish to.");
            return 2;
        }

        builder.AddMessaging();
        builder.AddSimulator();
        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }
}
