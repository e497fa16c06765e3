using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace CareStream.Auth.IntegrationTests;

/// <summary>A cookie-keeping, non-redirecting client over the test server (the browser's part of the login).</summary>
internal sealed class AuthServerClient(TestServer server) : IDisposable
{
    private readonly HttpClient _http = server.CreateClient();
    private readonly Dictionary<string, string> _cookies = [];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, IDictionary<string, string>? form = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }

        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies.Select(c => c.Split(';')[0]))
            {
                var equals = cookie.IndexOf('=', StringComparison.Ordinal);
                _cookies[cookie[..equals]] = cookie[(equals + 1)..];
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> form) => SendAsync(HttpMethod.Post, url, form);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    public static string RedirectTarget(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)response.StatusCode}");
        return response.Headers.Location!.ToString();
    }

    public void Dispose() => _http.Dispose();
}
