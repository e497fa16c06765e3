namespace CareStream.Live.Hubs;

/// <summary>What a client gets on joining a ward: the latest value of every parameter of every bed.</summary>
public sealed record WardSnapshot(string Ward, DateTimeOffset GeneratedAt, IReadOnlyList<VitalSignUpdate> Latest);
