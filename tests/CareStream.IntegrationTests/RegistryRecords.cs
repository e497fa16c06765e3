using System.Text;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Messaging.Registry;

namespace CareStream.IntegrationTests;

/// <summary>Synthetic registry facts (bed, patient, device association) as assignments-topic records.</summary>
internal static class RegistryRecords
{
    public static readonly DateTimeOffset AdmittedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<KeyValuePair<string, string>> For(string device, string patient, string bed, string wardId = "ward-test")
    {
        var ward = new WardId(wardId);
        var location = new BedLocation(ward, "Test ward", new BedId(bed), bed);
        var demographics = new PatientDemographics(new PatientId(patient), "MRN-" + patient, "Testperson", "Synthetic", new DateOnly(1970, 1, 1), "female");
        var assignment = new DeviceAssignment(new DeviceId(device), ward, new BedId(bed), new PatientId(patient), AdmittedAt);
        return [Record(RegistryCodec.Encode(location)), Record(RegistryCodec.Encode(demographics)), Record(RegistryCodec.Encode(assignment))];
    }

    private static KeyValuePair<string, string> Record((string Key, byte[] Value) record) =>
        KeyValuePair.Create(record.Key, Encoding.UTF8.GetString(record.Value));
}
