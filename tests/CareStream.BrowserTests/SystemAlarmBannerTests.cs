using CareStream.Messaging;
using CareStream.Messaging.Embedded;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>
/// "pipeline: Kafka unreachable" for real: the host (roles all) runs against a librdkafka mock cluster owned by the test,
/// whose brokers are all set down and up again. The rules role raises the technical alarm after its grace and the live
/// role pushes it to the dashboard in-process: a red banner, dimmed tiles; a page opened during the outage shows it
/// from its join snapshot; it clears when the brokers are back.
/// </summary>
public sealed class SystemAlarmBannerTests : IAsyncLifetime
{
    private const string BannerText = "Technical alarm: data pipeline unreachable — vital signs may be stale";
    private EmbeddedKafkaCluster? _kafka;
    private DashboardHost? _host;
    private Chromium? _browser;

    [Fact]
    public async Task GivenALiveWard_WhenAllKafkaBrokersGoDownAndComeBack_ThenTheTechnicalAlarmBannerShowsAndClears()
    {
        var ward = await WardPage.OpenAsync(_browser!, _host!.BaseAddress);
        var banner = ward.Page.Locator("#system-alarm-banner");
        await Expect(ward.Parameter(WardPage.Bed(1), "hr")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Expect(banner).ToBeHiddenAsync();

        SetBrokers(up: false);

        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 30_000 }); // grace 3 s + probe timeouts
        await Expect(banner).ToHaveTextAsync(BannerText);
        await Expect(banner).ToHaveAttributeAsync("data-priority", "high");
        await Expect(ward.Tile(WardPage.Bed(1))).ToHaveCSSAsync("opacity", "0.55");
        await Expect(ward.Value(WardPage.Bed(1), "hr")).ToHaveTextAsync(WardPage.NoData, new() { Timeout = 15_000 });
        await ward.ScreenshotAsync("system-alarm-kafka-unreachable");
        var joinedDuringOutage = await WardPage.OpenAsync(_browser!, _host.BaseAddress);
        await Expect(joinedDuringOutage.Page.Locator("#system-alarm-banner")).ToHaveTextAsync(BannerText, new() { Timeout = 15_000 });

        SetBrokers(up: true);

        await Expect(banner).ToBeHiddenAsync(new() { Timeout = 60_000 }); // librdkafka reconnect backoff is wall-clock
        await Expect(joinedDuringOutage.Page.Locator("#system-alarm-banner")).ToBeHiddenAsync();
        await Expect(ward.Parameter(WardPage.Bed(1), "hr")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await joinedDuringOutage.Page.CloseAsync();
        await ward.Page.CloseAsync();
    }

    private void SetBrokers(bool up)
    {
        for (var broker = 1; broker <= _kafka!.BrokerCount; broker++)
        {
            if (up)
            {
                _kafka.SetBrokerUp(broker);
            }
            else
            {
                _kafka.SetBrokerDown(broker);
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        _browser = await Chromium.LaunchAsync();
        _kafka = EmbeddedKafkaCluster.Start(brokerCount: 3);
        // The host cannot provision an external mock cluster (its admin API finds no controller): the test does.
        foreach (var topic in Topics.All(new KafkaOptions()))
        {
            _kafka.CreateTopic(topic.Name, topic.Partitions, replicationFactor: 3);
        }

        _host = await DashboardHost.StartAsync(TestContext.Current.CancellationToken, new Dictionary<string, string>
        {
            ["Kafka:BootstrapServers"] = _kafka.BootstrapServers,
            ["Kafka:ProvisionTopics"] = "false",
            ["Kafka:HealthCheckTimeout"] = "00:00:01",
            ["Alerting:KafkaUnreachableGrace"] = "00:00:03",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _kafka?.Dispose();
    }
}
