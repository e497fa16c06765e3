namespace CareStream.Auth.Scopes;

/// <summary>What a FHIR request does, for scope evaluation: resource type, interaction and its search parameters.</summary>
public sealed record ScopeRequest(string ResourceType, SmartInteraction Interaction, IReadOnlyDictionary<string, string>? SearchParameters = null);
