using CareStream.FhirApi.Http;
using CareStream.Storage.Notifications;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Subscriptions;

/// <summary>Validates a posted R4 Subscription against what the notifier supports; every refusal is a 422 naming the element.</summary>
public static class SubscriptionRequest
{
    /// <summary>A new entity (id and secret assigned) or a <see cref="FhirRequestException"/>.</summary>
    public static NotificationSubscriptionEntity ToEntity(Subscription subscription, string id, string secret)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var status = subscription.Status switch
        {
            null or Subscription.SubscriptionStatus.Requested or Subscription.SubscriptionStatus.Active => SubscriptionState.Requested,
            Subscription.SubscriptionStatus.Off => SubscriptionState.Off,
            _ => throw Unprocessable("Subscription.status must be requested, active or off."),
        };
        var criteria = subscription.Criteria?.Trim() ?? "";
        if (FlagCriteria.TryParse(criteria, out var criteriaError) is null)
        {
            throw Unprocessable("Subscription.criteria: " + criteriaError);
        }

        var channel = subscription.Channel ?? throw Unprocessable("Subscription.channel is required.");
        if (channel.Type != Subscription.SubscriptionChannelType.RestHook)
        {
            throw Unprocessable("Subscription.channel.type must be rest-hook (the only channel supported).");
        }

        var endpoint = channel.Endpoint ?? "";
        if (WebhookEndpointPolicy.Validate(endpoint) is { } endpointError)
        {
            throw Unprocessable("Subscription." + endpointError);
        }

        if (channel.Payload is not { } payload || !payload.StartsWith(SubscriptionMapper.Payload, StringComparison.Ordinal))
        {
            throw Unprocessable("Subscription.channel.payload must be application/fhir+json (the Flag is sent).");
        }

        if (channel.Header.Any())
        {
            throw Unprocessable("Subscription.channel.header is not supported; deliveries are authenticated by the HMAC signature.");
        }

        if (subscription.End is not null)
        {
            throw Unprocessable("Subscription.end is not supported; DELETE the subscription instead.");
        }

        var tiers = subscription.Extension.Where(e => e.Url == SubscriptionMapper.TierExtension).ToList();
        var tier = tiers switch
        {
            [] => 1,
            [{ Value: Integer { Value: >= 1 and <= 9 } value }] => value.Value!.Value,
            _ => throw Unprocessable($"Subscription extension {SubscriptionMapper.TierExtension} must occur once with valueInteger 1-9."),
        };

        return new NotificationSubscriptionEntity
        {
            Id = id,
            Criteria = criteria,
            Endpoint = endpoint,
            Secret = secret,
            Tier = tier,
            Status = status,
            Reason = subscription.Reason is { Length: <= 1024 } reason ? reason : null,
        };
    }

    private static FhirRequestException Unprocessable(string message) =>
        new(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule, message);
}
