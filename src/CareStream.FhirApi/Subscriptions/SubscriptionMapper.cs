using CareStream.Fhir.Terminology;
using CareStream.Storage.Notifications;
using Hl7.Fhir.Model;

namespace CareStream.FhirApi.Subscriptions;

/// <summary>Stored subscription ↔ R4 Subscription (docs/notifications.md).</summary>
public static class SubscriptionMapper
{
    /// <summary>Extension (valueInteger 1-9) on Subscription: the notification tier; absent = 1.</summary>
    public const string TierExtension = FhirSystems.CareStreamBase + "/StructureDefinition/subscription-tier";

    /// <summary>Extension (valueString) on the 201 answer only: the HMAC-SHA256 secret of the signature header.</summary>
    public const string SecretExtension = FhirSystems.CareStreamBase + "/StructureDefinition/subscription-secret";

    public const string Payload = "application/fhir+json";

    /// <summary>The resource as served; <paramref name="includeSecret"/> only in the creation answer.</summary>
    public static Subscription ToResource(NotificationSubscriptionEntity entity, bool includeSecret = false)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var resource = new Subscription
        {
            Id = entity.Id,
            Meta = new Meta { LastUpdated = entity.UpdatedAt },
            Status = entity.Status switch
            {
                SubscriptionState.Active => Subscription.SubscriptionStatus.Active,
                SubscriptionState.Error => Subscription.SubscriptionStatus.Error,
                SubscriptionState.Off => Subscription.SubscriptionStatus.Off,
                _ => Subscription.SubscriptionStatus.Requested,
            },
            Criteria = entity.Criteria,
            Reason = entity.Reason ?? "CareStream alarm notification",
            Error = entity.Error,
            Channel = new Subscription.ChannelComponent
            {
                Type = Subscription.SubscriptionChannelType.RestHook,
                Endpoint = entity.Endpoint,
                Payload = Payload,
            },
        };
        resource.Extension.Add(new Extension(TierExtension, new Integer(entity.Tier)));
        if (includeSecret)
        {
            resource.Extension.Add(new Extension(SecretExtension, new FhirString(entity.Secret)));
        }

        return resource;
    }
}
