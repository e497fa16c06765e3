namespace CareStream.Auth.Audit;

/// <summary>What an audited request touches, read from its method, path and query (never its body).</summary>
internal sealed record AuditTarget(
    AuditInteraction Interaction, string ResourceType, string? ResourceId, string? PatientId, string? Query, string? Operation);
