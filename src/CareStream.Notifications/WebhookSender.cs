using System.Globalization;
using System.Net.Http.Headers;
using CareStream.Storage.Notifications;

namespace CareStream.Notifications;

/// <summary>
/// One rest-hook attempt: R4 "payload = full resource" semantics, <c>PUT {endpoint}/Flag/{id}</c> with the Flag as
/// <c>application/fhir+json</c>, signed per attempt (fresh timestamp) by <see cref="WebhookSignature"/>.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "carestream-webhooks";

    public const string EventIdHeader = "X-CareStream-Event-Id";

    public const string EventTypeHeader = "X-CareStream-Event-Type";

    public const string SubscriptionHeader = "X-CareStream-Subscription";

    public async Task<DeliveryAttempt> SendAsync(
        NotificationSubscriptionEntity subscription, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(notification);
        if (WebhookEndpointPolicy.Validate(subscription.Endpoint) is not null)
        {
            return DeliveryAttempt.NoAnswer("forbidden-endpoint", permanent: true);
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Put, subscription.Endpoint.TrimEnd('/') + "/Flag/" + Uri.EscapeDataString(notification.FlagId))
        {
            Content = new ByteArrayContent(notification.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, notification.Body));
        request.Headers.Add(EventIdHeader, notification.EventId);
        request.Headers.Add(EventTypeHeader, notification.EventKind);
        request.Headers.Add(SubscriptionHeader, subscription.Id);
        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? DeliveryAttempt.Success(status) : DeliveryAttempt.Answered(status);
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebhookAddressRefusedException)
        {
            return DeliveryAttempt.NoAnswer("forbidden-address", permanent: true);
        }
        catch (HttpRequestException ex)
        {
            return DeliveryAttempt.NoAnswer("http-error-" + ex.HttpRequestError.ToString().ToLowerInvariant());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryAttempt.NoAnswer("timeout");
        }
    }
}
