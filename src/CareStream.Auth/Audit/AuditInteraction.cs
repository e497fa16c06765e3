namespace CareStream.Auth.Audit;

/// <summary>The audited interaction (FHIR restful-interaction plus the hub subscription).</summary>
public enum AuditInteraction
{
    Read = 1,
    Search = 2,
    Create = 3,
    Update = 4,
    Delete = 5,

    /// <summary>A SignalR ward subscription (<c>JoinWard</c>): audited as a query over the ward.</summary>
    Subscribe = 6,
}
