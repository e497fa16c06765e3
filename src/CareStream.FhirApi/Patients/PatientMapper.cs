using CareStream.Domain.Registry;
using CareStream.Storage.Registry;
using Hl7.Fhir.Model;

namespace CareStream.FhirApi.Patients;

/// <summary>Registry demographics → FHIR R4 Patient.</summary>
public static class PatientMapper
{
    public const string MrnSystem = "https://carestream.dev/fhir/sid/mrn";

    public static Patient ToFhir(Versioned<PatientDemographics> versioned)
    {
        ArgumentNullException.ThrowIfNull(versioned);
        var patient = versioned.Value;
        return new Patient
        {
            Id = patient.Patient.Value,
            Meta = new Meta { VersionId = versioned.VersionId, LastUpdated = versioned.LastModified },
            Identifier = [new Identifier(MrnSystem, patient.MedicalRecordNumber)],
            Name = [new HumanName { Family = patient.FamilyName, Given = [patient.GivenName], Use = HumanName.NameUse.Official }],
            BirthDate = patient.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Gender = patient.Gender switch
            {
                "female" => AdministrativeGender.Female,
                "male" => AdministrativeGender.Male,
                "other" => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
        };
    }
}
