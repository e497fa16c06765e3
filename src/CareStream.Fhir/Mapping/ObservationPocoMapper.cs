using System.Globalization;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using Hl7.Fhir.Model;
using DomainStatus = CareStream.Domain.Vitals.ObservationStatus;
using FhirStatus = Hl7.Fhir.Model.ObservationStatus;

namespace CareStream.Fhir.Mapping;

/// <summary>
/// Builds the Firely <see cref="Observation"/> POCO of stored readings, for the FHIR API (serialise it with
/// <see cref="FhirJson.Options"/>). Same content as <see cref="CanonicalObservationWriter"/>; a test holds them equal.
/// </summary>
public static class ObservationPocoMapper
{
    /// <summary>One Observation from one reading, or from the components of one BP panel (same ObservationId).</summary>
    public static Observation ToObservation(ReadOnlySpan<VitalSignReading> readings)
    {
        // The canonical writer owns the rules (grouping, deterministic id, codings); reuse its checks.
        using var probe = new PooledByteBufferWriter(2048);
        CanonicalObservationWriter.Write(probe, readings);

        var first = readings[0];
        var definition = VitalSignCatalog.Get(first.Kind);
        var isPanel = definition.IsBloodPressureComponent;
        var observationMdc = isPanel ? Mdc.BloodPressurePanelOf(first.MdcCode) : first.MdcCode;
        var observation = new Observation
        {
            Id = first.ObservationId,
            Meta = new Meta { Profile = [definition.Profile] },
            Identifier = [new Identifier(FhirSystems.ObservationIdentifier,
                ObservationIdentity.BusinessIdentifier(first.Device, observationMdc, first.EffectiveAt))],
            Status = ToFhir(first.Status),
            Category = [new CodeableConcept { Coding = [new Coding(FhirSystems.ObservationCategory, FhirSystems.VitalSignsCategory, "Vital Signs")] }],
            Subject = new ResourceReference("Patient/" + first.Patient.Value),
            Effective = new FhirDateTime(first.EffectiveAt),
            Device = new ResourceReference("Device/" + first.Device.Value),
        };

        if (isPanel)
        {
            observation.Code = Code(Loinc.BloodPressurePanel, "Blood pressure panel with all children optional", observationMdc);
            foreach (var r in readings)
            {
                var d = VitalSignCatalog.Get(r.Kind);
                observation.Component.Add(new Observation.ComponentComponent
                {
                    Code = new CodeableConcept { Coding = [new Coding(FhirSystems.Loinc, d.LoincCode, d.Display)], Text = d.Display },
                    Value = Quantity(r.Value, d.CanonicalUnit),
                });
            }
        }
        else
        {
            observation.Code = Code(definition.LoincCode, definition.Display, observationMdc);
            if (observationMdc == Mdc.PulseOximeterSaturation)
            {
                observation.Code.Coding.Add(new Coding(FhirSystems.Loinc, Loinc.OxygenSaturationByPulseOximetry,
                    "Oxygen saturation in Arterial blood by Pulse oximetry"));
            }

            observation.Value = Quantity(first.Value, definition.CanonicalUnit);
        }

        return observation;
    }

    private static CodeableConcept Code(string loinc, string display, int mdc) => new()
    {
        Coding =
        [
            new Coding(FhirSystems.Loinc, loinc, display),
            new Coding(FhirSystems.Mdc, mdc.ToString(CultureInfo.InvariantCulture), Mdc.ReferenceId(mdc)),
        ],
        Text = display,
    };

    private static Quantity Quantity(double value, string unit) =>
        new() { Value = (decimal)value, Unit = unit, System = FhirSystems.Ucum, Code = unit };

    private static FhirStatus ToFhir(DomainStatus status) => status switch
    {
        DomainStatus.Preliminary => FhirStatus.Preliminary,
        DomainStatus.Final => FhirStatus.Final,
        DomainStatus.Amended => FhirStatus.Amended,
        DomainStatus.EnteredInError => FhirStatus.EnteredInError,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an Observation status CareStream writes."),
    };
}
