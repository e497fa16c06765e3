using CareStream.Storage;

namespace CareStream.Host.Commands;

/// <summary>
/// <c>carestream migrate</c>: applies the database migrations once (a Kubernetes Job / compose one-shot), so N
/// replicas never race to migrate at start-up. Needs <c>ConnectionStrings:CareStream</c>; touches no Kafka.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("CareStream")))
        {
            await Console.Error.WriteLineAsync(
                "carestream migrate: set ConnectionStrings:CareStream (e.g. ConnectionStrings__CareStream=Host=…) to the cluster to migrate.");
            return 2;
        }

        builder.AddStorage();
        using var host = builder.Build();
        await StorageExtensions.MigrateAsync(host.Services, CancellationToken.None);
        Console.WriteLine("carestream migrate: database is up to date.");
        return 0;
    }
}
