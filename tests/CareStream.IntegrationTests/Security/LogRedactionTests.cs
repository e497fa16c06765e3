using System.Net;
using System.Net.WebSockets;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// S12/A6: with every log category at Trace, neither a hub <c>access_token</c> in the query string nor an
/// <c>Authorization: Bearer</c> token (valid or expired) appears anywhere in the host's output.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class LogRedactionTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task GivenTraceLogging_WhenTokensArriveInTheHubQueryAndInBearerHeaders_ThenNoTokenAppearsInTheOutput()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HardeningHost.StartAsync(kafka, postgres.ConnectionString, "api,live", new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "Trace",
        });
        var hubToken = host.Tokens.Nurse("usr-nurse-anna");
        var bearerToken = host.Tokens.Administrator();
        var expiredToken = host.Tokens.ForUser("usr-nurse-ben", "nurse", ["user/Observation.rs"], TimeSpan.FromMinutes(-5));
        var administrator = host.Client(bearerToken);
        var expired = host.Client(expiredToken);

        using var negotiate = await administrator.PostAsync(
            new Uri("/hubs/ward/negotiate?negotiateVersion=1&access_token=" + hubToken, UriKind.Relative), content: null, ct);
        await ConnectWebSocketAsync(host, hubToken, ct);
        using var metadata = await administrator.GetAsync(new Uri("/fhir/metadata", UriKind.Relative), ct);
        using var search = await administrator.GetAsync(new Uri("/fhir/Observation?patient=sec-log-0001", UriKind.Relative), ct);
        using var rejected = await expired.GetAsync(new Uri("/fhir/Observation?patient=sec-log-0001", UriKind.Relative), ct);
        await host.Process.StopAsync(TimeSpan.FromSeconds(30));
        var output = host.Process.Output;

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Contains("dbug:", output, StringComparison.Ordinal); // the capture really ran verbose
        foreach (var (name, token) in new[] { ("hub query", hubToken), ("bearer", bearerToken), ("expired bearer", expiredToken) })
        {
            var signature = token[(token.LastIndexOf('.') + 1)..];
            var payload = token.Split('.')[1];
            Assert.False(output.Contains(signature, StringComparison.Ordinal), $"the {name} token's signature is in the log");
            Assert.False(output.Contains(payload, StringComparison.Ordinal), $"the {name} token's payload is in the log");
        }

        Assert.DoesNotContain("access_token=", output, StringComparison.Ordinal);
    }

    private static async Task ConnectWebSocketAsync(HardeningHost host, string token, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(host.BaseAddress, "/hubs/ward")) { Scheme = "ws", Query = "access_token=" + token }.Uri;
        await socket.ConnectAsync(uri, ct);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", ct);
    }
}
