namespace CareStream.Auth.Audit;

/// <summary>The audited interaction (FHIR restful-interaction plus the hub subscription).</summary>
public enum AuditInteraction
{
    Read = 1,
    Search = 2,
    Create = 3,
    Update = 4,
    Delete = 5,

    /// <summary>A SignalR ward subscription (<c>FollowWard</c>/<c>ResumeWard</c>): audited as a query over the ward.</summary>
    Subscribe = 6,

    /// <summary>A read of one version (<c>_history/{vid}</c>).</summary>
    VRead = 7,

    /// <summary>The history of a resource (<c>{id}/_history</c>): audited as a query.</summary>
    History = 8,

    Patch = 9,

    /// <summary>A FHIR operation (<c>$lastn</c>) or an API command (acknowledge, what-if …): audited as a query.</summary>
    Operation = 10,
}
