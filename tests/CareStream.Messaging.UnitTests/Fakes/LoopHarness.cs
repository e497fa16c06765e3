using CareStream.Messaging.Consuming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareStream.Messaging.UnitTests.Fakes;

/// <summary>The real DI wiring (AddMessaging + AddKafkaConsumer) with fake clients and a fake host lifetime.</summary>
public sealed class LoopHarness<TConsumer> : IAsyncDisposable
    where TConsumer : KafkaConsumerService
{
    public const string ConsumerName = "unit-test";

    private readonly ServiceProvider _services;

    public LoopHarness(Action<KafkaConsumerOptions>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        services.AddLogging();
        services.AddSingleton<IKafkaCluster>(new FakeCluster());
        services.AddSingleton<IKafkaClientFactory>(Factory);
        services.AddSingleton<IHostApplicationLifetime>(Lifetime);
        services.AddSingleton(Probe);
        services.AddKafkaConsumer<TConsumer>(ConsumerName, t => t.Observations, configure);
        _services = services.BuildServiceProvider();
        Consumer = _services.GetServices<IHostedService>().OfType<TConsumer>().Single();
    }

    public FakeClientFactory Factory { get; } = new();

    public FakeLifetime Lifetime { get; } = new();

    public BatchProbe Probe { get; } = new();

    public TConsumer Consumer { get; }

    public IServiceProvider Services => _services;

    public Task StartAsync() => Consumer.StartAsync(TestContext.Current.CancellationToken);

    public Task StopAsync() => Consumer.StopAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
