namespace CareStream.Host;

/// <summary>One route of <see cref="EndpointCatalog"/>: pattern, methods (empty = any), open without a token, policies.</summary>
public sealed record EndpointEntry(string Pattern, IReadOnlyList<string> Methods, bool Anonymous, IReadOnlyList<string> Policies);
