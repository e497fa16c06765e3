using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareStream.BrowserTests;

/// <summary>The dashboard signs in through the embedded server: authorization code + PKCE, tokens in memory only.</summary>
[Collection(LiveWardCollection.Name)]
public sealed class LoginTests(LiveWardFixture fixture)
{
    [Fact]
    public async Task GivenNoSession_WhenTheDashboardOpens_ThenItLogsInWithCodeAndPkceAndKeepsTheTokenOutOfStorageAndUrl()
    {
        var requests = new ConcurrentQueue<IRequest>();
        void Record(object? sender, IRequest request) => requests.Enqueue(request);
        fixture.Browser.Context.Request += Record;
        WardPage ward;
        try
        {
            ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress, "?ward=ward-1");
            await Expect(ward.Parameter(WardPage.Bed(1), "hr")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
            await ward.Page.WaitForRequestAsync(r => r.Url.Contains("/fhir/", StringComparison.Ordinal), new() { Timeout = 15_000 })
                .ContinueWith(_ => { }, TestContext.Current.CancellationToken); // labels may have loaded already
        }
        finally
        {
            fixture.Browser.Context.Request -= Record;
        }

        var authorize = requests.Select(r => new Uri(r.Url)).First(u => u.AbsolutePath == "/connect/authorize");
        var token = requests.First(r => new Uri(r.Url).AbsolutePath == "/connect/token");
        var fhir = requests.Where(r => new Uri(r.Url).AbsolutePath.StartsWith("/fhir/", StringComparison.Ordinal)).ToList();
        var stored = await ward.Page.EvaluateAsync<string>("() => JSON.stringify([localStorage.length, sessionStorage.length, document.cookie])");
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("carestream-dashboard", query["client_id"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"]?.Length);
        Assert.Contains("offline_access", query["scope"], StringComparison.Ordinal);
        Assert.Equal(new Uri(fixture.Host.BaseAddress, "/").ToString(), query["redirect_uri"]);
        Assert.Contains("grant_type=authorization_code", token.PostData, StringComparison.Ordinal);
        Assert.Contains("code_verifier=", token.PostData, StringComparison.Ordinal);
        Assert.Equal("[0,0,\"\"]", stored);
        Assert.Equal(new Uri(fixture.Host.BaseAddress, "/?ward=ward-1").ToString(), ward.Page.Url);
        Assert.NotEmpty(fhir);
        Assert.All(fhir, r => Assert.StartsWith("Bearer ", r.Headers.GetValueOrDefault("authorization"), StringComparison.Ordinal));
        await ward.Page.CloseAsync();
    }

    [Fact]
    public async Task GivenASignedInDashboard_WhenSignOutIsPressed_ThenTheLoginFormIsShownAgain()
    {
        var ward = await WardPage.OpenAsync(fixture.Browser, fixture.Host.BaseAddress);

        await ward.Page.ClickAsync("#sign-out");

        await ward.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await Expect(ward.Page.Locator("input[name=username]")).ToBeVisibleAsync();
        await ward.Page.CloseAsync();
    }
}
