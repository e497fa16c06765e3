using CareStream.Auth.Keys;
using CareStream.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace CareStream.Auth.UnitTests.Validation;

/// <summary>
/// A minimal API host (TestServer) that wires exactly <c>AddCareStreamAuthentication()</c>, with one protected FHIR-like
/// route and one hub-like route; its keys live in a temp data directory the test mints tokens with.
/// </summary>
internal sealed class TestApiHost : IAsyncDisposable
{
    public const string Issuer = "https://carestream.test/";
    public const string Audience = "carestream-fhir";

    private readonly WebApplication _app;

    private TestApiHost(WebApplication app, DevelopmentKeyStore keys)
    {
        _app = app;
        Keys = keys;
        Client = app.GetTestClient();
    }

    public DevelopmentKeyStore Keys { get; }

    public HttpClient Client { get; }

    public static async Task<TestApiHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"carestream-auth-test-{Guid.NewGuid():N}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = Issuer,
            ["Auth:Audience"] = Audience,
            ["Auth:DataDirectory"] = directory,
            ["Auth:ClockSkewSeconds"] = "30",
        });
        builder.Services.AddCareStreamAuthentication();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/fhir/Observation", (HttpContext context) => context.User.FindFirst("sub")?.Value ?? "?")
            .RequireAuthorization(CareStreamPolicies.Authenticated);
        app.MapGet("/hubs/ward/negotiate", (HttpContext context) => context.User.FindFirst("sub")?.Value ?? "?")
            .RequireAuthorization(CareStreamPolicies.Authenticated);
        app.MapGet("/admin/rules", () => "rules").RequireAuthorization(CareStreamPolicies.Administrator);
        await app.StartAsync();
        return new TestApiHost(app, new DevelopmentKeyStore(directory));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Keys.Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
