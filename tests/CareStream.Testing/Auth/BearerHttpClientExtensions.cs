using System.Net.Http.Headers;

namespace CareStream.Testing.Auth;

public static class BearerHttpClientExtensions
{
    /// <summary>Sends <paramref name="accessToken"/> as <c>Authorization: Bearer</c> on every request of this client.</summary>
    public static HttpClient WithBearer(this HttpClient client, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }
}
