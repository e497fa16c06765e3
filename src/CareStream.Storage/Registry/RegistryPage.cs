namespace CareStream.Storage.Registry;

/// <summary>One page of a registry search in ascending key order; <see cref="More"/>: rows exist beyond it in the direction read.</summary>
public sealed record RegistryPage<T>(IReadOnlyList<T> Items, bool More);
