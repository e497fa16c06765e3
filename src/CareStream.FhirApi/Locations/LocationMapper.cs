using CareStream.Fhir.Terminology;
using CareStream.Storage.Registry;
using Hl7.Fhir.Model;

namespace CareStream.FhirApi.Locations;

/// <summary>Registry ward/bed → FHIR R4 Location (mode instance; physicalType wa or bd; a bed is partOf its ward).</summary>
public static class LocationMapper
{
    public const string PhysicalTypeSystem = "http://terminology.hl7.org/CodeSystem/location-physical-type";
    public const string WardSystem = FhirSystems.CareStreamBase + "/sid/ward";
    public const string BedSystem = FhirSystems.CareStreamBase + "/sid/bed";

    public static Location ToFhir(Versioned<RegistryLocation> versioned)
    {
        ArgumentNullException.ThrowIfNull(versioned);
        var location = versioned.Value;
        var isBed = location.Bed is not null;
        return new Location
        {
            Id = LocationIds.Of(location),
            Meta = new Meta { VersionId = versioned.VersionId, LastUpdated = versioned.LastModified },
            Identifier = [isBed ? new Identifier(BedSystem, location.Bed!.Value.Value) : new Identifier(WardSystem, location.Ward.Value)],
            Status = Location.LocationStatus.Active,
            Name = isBed ? location.BedLabel : location.WardName,
            Mode = Location.LocationMode.Instance,
            PhysicalType = isBed
                ? new CodeableConcept(PhysicalTypeSystem, "bd", "Bed", null)
                : new CodeableConcept(PhysicalTypeSystem, "wa", "Ward", null),
            PartOf = isBed ? new ResourceReference("Location/" + LocationIds.OfWard(location.Ward)) : null,
        };
    }
}
