using CareStream.Testing.Kafka;

namespace CareStream.IntegrationTests.Security;

/// <summary>The hardening options are validated at start: a bad value stops the host with one line naming the key.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class SecurityOptionsStartupTests(KafkaFixture kafka)
{
    [Theory]
    [InlineData("Security:AllowedOrigins:0", "https://*.example", "Security:AllowedOrigins")]
    [InlineData("Security:AllowedOrigins:0", "https://ward.example/app", "Security:AllowedOrigins")]
    [InlineData("Security:RateLimit:PermitsPerSecond", "0", "Security:RateLimit:PermitsPerSecond")]
    [InlineData("Security:MaxRequestBodyBytes", "10", "Security:MaxRequestBodyBytes")]
    [InlineData("Ingestion:Mllp:AllowedClients:0", "10.0.0.0/33", "Ingestion:Mllp:AllowedClients")]
    public async Task GivenAnInvalidHardeningSetting_WhenTheHostStarts_ThenItExitsNamingTheSetting(string key, string value, string named)
    {
        // The live role needs no database; ingest is added for the MLLP setting.
        var roles = key.StartsWith("Ingestion", StringComparison.Ordinal) ? "ingest" : "live";

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HardeningHost.StartAsync(kafka, connectionString: string.Empty, roles, new Dictionary<string, string> { [key] = value }));

        Assert.Contains("cannot start", failure.Message, StringComparison.Ordinal);
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }
}
