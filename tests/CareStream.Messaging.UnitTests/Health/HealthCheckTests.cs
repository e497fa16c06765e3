using System.Net;
using System.Net.Sockets;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Embedded;
using CareStream.Messaging.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging.UnitTests.Health;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task GivenBootstrapOnAClosedPort_WhenChecked_ThenUnhealthyNamingTheAddress()
    {
        var address = $"127.0.0.1:{ClosedPort()}";
        using var check = new KafkaHealthCheck(new Address(address), Options.Create(new KafkaOptions { HealthCheckTimeout = TimeSpan.FromSeconds(1) }));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains($"Kafka at {address} unreachable", result.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KafkaConsumerState.Assigned, HealthStatus.Healthy)]
    [InlineData(KafkaConsumerState.Running, HealthStatus.Healthy)]
    [InlineData(KafkaConsumerState.Starting, HealthStatus.Unhealthy)]
    [InlineData(KafkaConsumerState.Faulted, HealthStatus.Unhealthy)]
    [InlineData(KafkaConsumerState.Stopped, HealthStatus.Unhealthy)]
    public async Task GivenConsumerState_WhenChecked_ThenReadinessFollowsIt(KafkaConsumerState state, HealthStatus expected)
    {
        var states = new KafkaConsumerStates([new KafkaConsumerRegistration(typeof(object), "store-observations")]);
        states.Get("store-observations").State = state;

        var result = await new KafkaConsumersHealthCheck(states).CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }

    private sealed class Address(string bootstrapServers) : IKafkaCluster
    {
        public string BootstrapServers { get; } = bootstrapServers;

        public bool IsEmbedded => false;

        public EmbeddedKafkaCluster? Embedded => null;
    }
}
