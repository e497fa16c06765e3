using CareStream.Storage.Notifications;
using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace CareStream.FhirApi.Subscriptions;

/// <summary>The Subscription entry of the CapabilityStatement.</summary>
public static class SubscriptionCapability
{
    public static ResourceComponent Resource => new()
    {
        Type = "Subscription",
        Documentation = "rest-hook only, criteria on Flag (" + string.Join(", ", FlagCriteria.SupportedParameters) +
            "); payload application/fhir+json; signed with X-CareStream-Signature (HMAC-SHA256, secret returned once at creation). See docs/notifications.md.",
        Interaction =
        [
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Create },
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read },
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.Delete },
            new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType },
        ],
        SearchParam =
        [
            new CapabilityStatement.SearchParamComponent { Name = "status", Type = SearchParamType.Token, Documentation = "requested, active, error or off." },
            new CapabilityStatement.SearchParamComponent { Name = "_count", Type = SearchParamType.Number, Documentation = "Page size, default 50, clamped at 500." },
        ],
    };
}
