using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Registry;

namespace CareStream.Messaging.Registry;

/// <summary>
/// Encodes registry facts (beds, patients, device associations) as records of the compacted assignments topic
/// and decodes them back. Keys are <c>device/{id}</c>, <c>bed/{id}</c> and <c>patient/{id}</c>, so compaction keeps
/// the latest fact of each.
/// </summary>
public static class RegistryCodec
{
    public static (string Key, byte[] Value) Encode(DeviceAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return ("device/" + assignment.Device.Value, Serialize(new RegistryMessage
        {
            Type = RegistryMessage.DeviceAssignmentType,
            Device = assignment.Device.Value,
            Ward = assignment.Ward.Value,
            Bed = assignment.Bed.Value,
            Patient = assignment.Patient?.Value,
            ValidFrom = assignment.ValidFrom,
        }));
    }

    public static (string Key, byte[] Value) Encode(BedLocation bed)
    {
        ArgumentNullException.ThrowIfNull(bed);
        return ("bed/" + bed.Bed.Value, Serialize(new RegistryMessage
        {
            Type = RegistryMessage.BedType,
            Ward = bed.Ward.Value,
            WardName = bed.WardName,
            Bed = bed.Bed.Value,
            BedLabel = bed.BedLabel,
        }));
    }

    public static (string Key, byte[] Value) Encode(PatientDemographics patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return ("patient/" + patient.Patient.Value, Serialize(new RegistryMessage
        {
            Type = RegistryMessage.PatientType,
            Patient = patient.Patient.Value,
            MedicalRecordNumber = patient.MedicalRecordNumber,
            FamilyName = patient.FamilyName,
            GivenName = patient.GivenName,
            BirthDate = patient.BirthDate,
            Gender = patient.Gender,
        }));
    }

    /// <summary>
    /// Decodes one record into a <see cref="DeviceAssignment"/>, <see cref="BedLocation"/> or
    /// <see cref="PatientDemographics"/>.
    /// </summary>
    /// <exception cref="FormatException">The record is not a registry fact; the message names what is missing.</exception>
    public static object Decode(ReadOnlySpan<byte> value)
    {
        RegistryMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(value, RegistryJsonContext.Default.RegistryMessage);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Registry record is not valid JSON: " + ex.Message, ex);
        }

        return message?.Type switch
        {
            RegistryMessage.DeviceAssignmentType => new DeviceAssignment(
                new DeviceId(Required(message.Device, "device")),
                new WardId(Required(message.Ward, "ward")),
                new BedId(Required(message.Bed, "bed")),
                string.IsNullOrWhiteSpace(message.Patient) ? null : new PatientId(message.Patient),
                message.ValidFrom ?? throw new FormatException("Registry record lacks 'validFrom'.")),
            RegistryMessage.BedType => new BedLocation(
                new WardId(Required(message.Ward, "ward")),
                Required(message.WardName, "wardName"),
                new BedId(Required(message.Bed, "bed")),
                Required(message.BedLabel, "bedLabel")),
            RegistryMessage.PatientType => new PatientDemographics(
                new PatientId(Required(message.Patient, "patient")),
                Required(message.MedicalRecordNumber, "mrn"),
                Required(message.FamilyName, "family"),
                Required(message.GivenName, "given"),
                message.BirthDate ?? throw new FormatException("Registry record lacks 'birthDate'."),
                Required(message.Gender, "gender")),
            _ => throw new FormatException("Registry record has an unknown 'type'."),
        };
    }

    private static byte[] Serialize(RegistryMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, RegistryJsonContext.Default.RegistryMessage);

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"Registry record lacks '{name}'.") : value;
}
