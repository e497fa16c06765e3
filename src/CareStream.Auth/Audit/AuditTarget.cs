namespace CareStream.Auth.Audit;

/// <summary>
/// What an audited request touches, read from its method, path and query (never its body). <paramref name="DeniedOnly"/>:
/// recorded only when refused (a hub connection: its joins are audited one by one by the hub filter).
/// </summary>
internal sealed record AuditTarget(
    AuditInteraction Interaction, string ResourceType, string? ResourceId, string? PatientId, string? Query, string? Operation,
    bool DeniedOnly = false);
