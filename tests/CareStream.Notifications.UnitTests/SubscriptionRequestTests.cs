using CareStream.FhirApi.Http;
using CareStream.FhirApi.Subscriptions;
using CareStream.Storage.Notifications;
using Hl7.Fhir.Model;

namespace CareStream.Notifications.UnitTests;

public sealed class SubscriptionRequestTests
{
    [Fact]
    public void GivenValidRestHookOnFlag_WhenAccepted_ThenStoredRequestedWithTierAndSecretReturnedOnceOnly()
    {
        var subscription = Valid();
        subscription.Extension.Add(new Extension(SubscriptionMapper.TierExtension, new Integer(2)));

        var entity = SubscriptionRequest.ToEntity(subscription, "sub-1", "secret-1");
        var created = SubscriptionMapper.ToResource(entity, includeSecret: true);
        var read = SubscriptionMapper.ToResource(entity);

        Assert.Equal((SubscriptionState.Requested, 2, "Flag?ward=ward-3&priority=PH"), (entity.Status, entity.Tier, entity.Criteria));
        Assert.Equal("secret-1", created.GetStringExtension(SubscriptionMapper.SecretExtension));
        Assert.Null(read.GetStringExtension(SubscriptionMapper.SecretExtension));
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "criteria", "Subscription.criteria" },
        { "channel-type", "rest-hook" },
        { "endpoint-http", "https" },
        { "endpoint-metadata", "link-local" },
        { "payload", "application/fhir+json" },
        { "header", "channel.header" },
        { "tier", "valueInteger 1-9" },
        { "status", "requested, active or off" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void GivenUnsupportedSubscription_WhenAccepted_ThenRefusedWith422NamingTheElement(string defect, string message)
    {
        var subscription = Valid();
        switch (defect)
        {
            case "criteria": subscription.Criteria = "Flag?_has:Observation:subject:code=1"; break;
            case "channel-type": subscription.Channel.Type = Subscription.SubscriptionChannelType.Websocket; break;
            case "endpoint-http": subscription.Channel.Endpoint = "http://pager.hospital.example/hook"; break;
            case "endpoint-metadata": subscription.Channel.Endpoint = "https://169.254.169.254/latest"; break;
            case "payload": subscription.Channel.Payload = "application/fhir+xml"; break;
            case "header": subscription.Channel.Header = ["Authorization: Bearer x"]; break;
            case "tier": subscription.Extension.Add(new Extension(SubscriptionMapper.TierExtension, new Integer(0))); break;
            default: subscription.Status = Subscription.SubscriptionStatus.Error; break;
        }

        var error = Assert.Throws<FhirRequestException>(() => SubscriptionRequest.ToEntity(subscription, "sub-1", "secret-1"));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Subscription Valid() => new()
    {
        Status = Subscription.SubscriptionStatus.Requested,
        Reason = "Ward 3 pager",
        Criteria = "Flag?ward=ward-3&priority=PH",
        Channel = new Subscription.ChannelComponent
        {
            Type = Subscription.SubscriptionChannelType.RestHook,
            Endpoint = "https://pager.hospital.example/fhir",
            Payload = "application/fhir+json",
        },
    };
}
