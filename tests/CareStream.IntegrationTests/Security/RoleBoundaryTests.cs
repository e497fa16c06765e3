using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// A8: a valid token opens only what its role or scope allows (403 otherwise): device adapters only write readings,
/// nurses never reach ADT or system administration. Also: a token the embedded server issues (client credentials)
/// validates against the issuer the host defaults to.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RoleBoundaryTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    [Theory]
    [InlineData("device adapter", "GET", "/fhir/Observation?patient=a8-nobody")]
    [InlineData("device adapter", "GET", "/fhir/Patient/a8-nobody")]
    [InlineData("device adapter", "GET", "/api/system")]
    [InlineData("device adapter", "POST", "/api/adt/beds")]
    [InlineData("nurse", "POST", "/api/adt/beds")]
    [InlineData("nurse", "POST", "/api/adt/admit")]
    [InlineData("nurse", "GET", "/api/system")]
    [InlineData("nurse", "GET", "/api/system/endpoints")]
    [InlineData("nurse", "POST", "/fhir/Observation")]
    [InlineData("integrator", "PUT", "/fhir/Observation/a8-obs")]
    [InlineData("integrator", "POST", "/api/patients/a8-nobody/alarms/a8-episode/acknowledge")]
    public async Task GivenATokenWithoutTheRoleOrScope_WhenTheEndpointIsCalled_Then403(string who, string method, string path)
    {
        using var http = host.With(TokenOf(who));
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = method == "GET" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("integrator", "/fhir/Observation?patient=a8-nobody")]
    [InlineData("nurse", "/fhir/Observation?patient=a8-nobody")]
    [InlineData("administrator", "/api/system")]
    public async Task GivenATokenWithTheRoleOrScope_WhenTheEndpointIsCalled_ThenItAnswers(string who, string path)
    {
        using var http = host.With(TokenOf(who));

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GivenTheDeviceAdaptersClientCredentials_WhenItGetsATokenFromTheHost_ThenItMayWriteButNotRead()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = host.Anonymous();
        using var grant = await anonymous.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "carestream-device-adapter",
            ["client_secret"] = "demo-device-adapter-secret",
            ["scope"] = "system/Observation.c",
        }), ct);
        grant.EnsureSuccessStatusCode();
        var token = (await grant.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("access_token").GetString()!;
        using var device = host.With(token);
        using var content = new StringContent(IngestHost.Observation("a8-device", IngestHost.Morning), Encoding.UTF8, "application/fhir+json");

        using var write = await device.PostAsync(new Uri("/fhir/Observation", UriKind.Relative), content, ct);
        using var read = await device.GetAsync(new Uri("/fhir/Observation?patient=a8-nobody", UriKind.Relative), ct);

        Assert.True(write.IsSuccessStatusCode, $"POST /fhir/Observation answered {(int)write.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    private string TokenOf(string who) => who switch
    {
        "device adapter" => host.Tokens.DeviceAdapter(),
        "nurse" => host.Tokens.Nurse(),
        "integrator" => host.Tokens.Integrator(),
        "administrator" => host.Tokens.Administrator(),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "Unknown caller."),
    };
}
