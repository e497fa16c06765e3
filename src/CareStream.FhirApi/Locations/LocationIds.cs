using CareStream.Domain;
using CareStream.Storage.Registry;

namespace CareStream.FhirApi.Locations;

/// <summary>
/// Stable, readable Location ids: <c>ward-{wardId}</c> and <c>bed-{bedId}</c> (a ward and a bed may share a registry
/// id, so the kind is part of the FHIR id).
/// </summary>
public static class LocationIds
{
    public const string WardPrefix = "ward-";
    public const string BedPrefix = "bed-";

    public static string Of(RegistryLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Bed is { } bed ? BedPrefix + bed.Value : WardPrefix + location.Ward.Value;
    }

    public static string OfWard(WardId ward) => WardPrefix + ward.Value;

    public static string OfBed(BedId bed) => BedPrefix + bed.Value;

    /// <summary>The ward or bed a Location id names, or (null, null) when it is not one of ours.</summary>
    public static (WardId? Ward, BedId? Bed) Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.StartsWith(WardPrefix, StringComparison.Ordinal) && id.Length > WardPrefix.Length)
        {
            return (new WardId(id[WardPrefix.Length..]), null);
        }

        return id.StartsWith(BedPrefix, StringComparison.Ordinal) && id.Length > BedPrefix.Length
            ? (null, new BedId(id[BedPrefix.Length..]))
            : (null, null);
    }
}
