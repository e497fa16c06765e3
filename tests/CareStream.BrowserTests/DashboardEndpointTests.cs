using System.Net;

namespace CareStream.BrowserTests;

/// <summary>How the host serves the page: from the Dashboard assembly, nothing outside it.</summary>
[Collection(LiveWardCollection.Name)]
public sealed class DashboardEndpointTests(LiveWardFixture fixture)
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dashboard/js/main.js", "text/javascript")]
    [InlineData("/dashboard/css/dashboard.css", "text/css")]
    [InlineData("/dashboard/lib/signalr/signalr.min.js", "text/javascript")]
    public async Task GivenTheHost_WhenAPageAssetIsRequested_ThenItIsServedWithItsContentType(string path, string contentType)
    {
        using var http = fixture.Host.CreateClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/dashboard/missing.js")]
    [InlineData("/dashboard/../appsettings.json")]
    [InlineData("/dashboard/%2e%2e/carestream.dll")]
    [InlineData("/dashboard/js")]
    public async Task GivenTheHost_WhenAPathOutsideTheAssetsIsRequested_ThenItIsNotFound(string path)
    {
        using var http = fixture.Host.CreateClient();

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GivenTheHost_WhenThePageIsRequested_ThenItCarriesAContentSecurityPolicy()
    {
        using var http = fixture.Host.CreateClient();

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }
}
