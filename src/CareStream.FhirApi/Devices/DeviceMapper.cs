using CareStream.Fhir.Terminology;
using CareStream.FhirApi.Locations;
using CareStream.Storage.Registry;
using Hl7.Fhir.Model;

namespace CareStream.FhirApi.Devices;

/// <summary>Registry device → FHIR R4 Device: identifier, the bed it is at now (location) and that bed's patient.</summary>
public static class DeviceMapper
{
    public const string DeviceSystem = FhirSystems.CareStreamBase + "/sid/device";

    public static Device ToFhir(Versioned<RegistryDevice> versioned)
    {
        ArgumentNullException.ThrowIfNull(versioned);
        var device = versioned.Value;
        return new Device
        {
            Id = device.Device.Value,
            Meta = new Meta { VersionId = versioned.VersionId, LastUpdated = versioned.LastModified },
            Identifier = [new Identifier(DeviceSystem, device.Device.Value)],
            Status = Device.FHIRDeviceStatus.Active,
            Location = device.Current is { } at ? new ResourceReference("Location/" + LocationIds.OfBed(at.Bed)) : null,
            Patient = device.Current?.Patient is { } patient ? new ResourceReference("Patient/" + patient.Value) : null,
        };
    }
}
