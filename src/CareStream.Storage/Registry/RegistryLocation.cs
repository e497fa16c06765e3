using CareStream.Domain;

namespace CareStream.Storage.Registry;

/// <summary>A ward (<see cref="Bed"/> null) or a bed of a ward, as the FHIR API serves Locations.</summary>
public sealed record RegistryLocation(WardId Ward, string WardName, BedId? Bed, string? BedLabel);
