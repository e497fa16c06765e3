using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// Maps an IHE PCD-01 (DEC) ORU^R01 to device Observations. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// Policy, per OBX: rows without a value are the containment tree (MDS/VMD/channel, BP compound) and are skipped;
/// every other row either becomes a reading or gets one <see cref="Hl7Error"/> (unknown MDC code or unit, non-NM
/// type, unusable status such as X, no time zone, no EUI-64 device) while the other rows still map. BP components
/// (sys/dia/mean) that share a device, time and containment parent (the compound's OBX-4, e.g. <c>1.1.1.1</c> for
/// <c>1.1.1.1.1</c>–<c>.3</c>) form one panel; a panel without both systolic and diastolic is rejected, as the R4 BP
/// profile requires both. Plausibility ranges are left to the normalizer, which dead-letters with a reason.
/// Message level: anything but ORU^R01, a version outside 2.5–2.8, or no MSH-10 rejects the whole message.
/// </remarks>
public static class Pcd01Mapper
{
    private static readonly HashSet<string> SupportedVersions =
        new(["2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2"], StringComparer.Ordinal);

    /// <summary>True when <paramref name="version"/> (MSH-12.1) is one the adapter accepts.</summary>
    public static bool IsSupportedVersion(string version) => SupportedVersions.Contains(version);

    /// <summary>Maps <paramref name="message"/>.</summary>
    public static Pcd01MappingResult Map(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var errors = new List<Hl7Error>();
        if (message.MessageCode != "ORU")
        {
            return Reject(new("MSH", 1, 9, Hl7ErrorCodes.UnsupportedMessageType, "UnsupportedMessageType", "Only ORU^R01 (IHE PCD-01) is accepted."));
        }

        if (message.TriggerEvent != "R01")
        {
            return Reject(new("MSH", 1, 9, Hl7ErrorCodes.UnsupportedEventCode, "UnsupportedEventCode", "Only ORU^R01 (IHE PCD-01) is accepted."));
        }

        if (!IsSupportedVersion(message.Version))
        {
            return Reject(new("MSH", 1, 12, Hl7ErrorCodes.UnsupportedVersionId, "UnsupportedVersion", "HL7 versions 2.5 to 2.8 are accepted (PCD-01 uses 2.6)."));
        }

        if (message.ControlId.Length == 0)
        {
            return Reject(new("MSH", 1, 10, Hl7ErrorCodes.RequiredFieldMissing, "MissingControlId", "MSH-10 (message control id) is missing."));
        }

        var reader = new Pcd01ObxReader();
        var numerics = new List<Pcd01Numeric>();
        Hl7Segment? obr = null;
        var obxCount = 0;
        foreach (var segment in message.Segments)
        {
            if (segment.Id == "OBR")
            {
                obr = segment;
            }
            else if (segment.Id == "OBX" && reader.Read(segment, ++obxCount, obr, errors) is { } numeric)
            {
                numerics.Add(numeric);
            }
        }

        var observations = Group(numerics, errors);
        return new Pcd01MappingResult(false, PatientIds(message), observations, errors);
    }

    private static Pcd01MappingResult Reject(Hl7Error error) => new(true, [], [], [error]);

    private static string[] PatientIds(Hl7Message message)
    {
        var pid3 = message.Segment("PID")?[3] ?? Hl7Field.Empty;
        return [.. Enumerable.Range(1, pid3.RepetitionCount).Select(r => pid3.Get(1, r)).Where(id => id.Length > 0)];
    }

    private static List<Pcd01Observation> Group(List<Pcd01Numeric> numerics, List<Hl7Error> errors)
    {
        var observations = new List<(int Order, Pcd01Observation Observation)>();
        foreach (var single in numerics.Where(n => !IsBloodPressure(n.Kind)))
        {
            observations.Add((single.Sequence, new Pcd01Observation(
                single.Device, single.EffectiveAt, single.Status, [new DeviceMeasurement(single.Kind, single.MdcCode, single.Value)], [single.Sequence])));
        }

        var panels = numerics.Where(n => IsBloodPressure(n.Kind))
            .GroupBy(n => (n.Device, n.EffectiveAt, Panel: Mdc.BloodPressurePanelOf(n.MdcCode), Parent: Pcd01ObxReader.Parent(n.Containment)));
        foreach (var panel in panels)
        {
            var components = new List<Pcd01Numeric>();
            foreach (var component in panel)
            {
                if (components.Any(c => c.Kind == component.Kind))
                {
                    errors.Add(new("OBX", component.Sequence, 3, Hl7ErrorCodes.DuplicateKey, "DuplicateComponent",
                        "The BP panel already has this component at the same time and containment."));
                    continue;
                }

                components.Add(component);
            }

            if (!components.Any(c => c.Kind == VitalSignKind.SystolicBloodPressure) || !components.Any(c => c.Kind == VitalSignKind.DiastolicBloodPressure))
            {
                errors.AddRange(components.Select(c => new Hl7Error("OBX", c.Sequence, 3, Hl7ErrorCodes.RequiredFieldMissing, "IncompletePanel",
                    "A BP panel needs both systolic and diastolic at the same time and containment.")));
                continue;
            }

            var ordered = components.OrderBy(c => c.Kind).ToList();
            observations.Add((ordered.Min(c => c.Sequence), new Pcd01Observation(
                panel.Key.Device, panel.Key.EffectiveAt, PanelStatus(ordered),
                [.. ordered.Select(c => new DeviceMeasurement(c.Kind, c.MdcCode, c.Value))], [.. ordered.Select(c => c.Sequence).Order()])));
        }

        return [.. observations.OrderBy(o => o.Order).Select(o => o.Observation)];
    }

    // The panel is only as verified as its least-verified component.
    private static ObservationStatus PanelStatus(List<Pcd01Numeric> components) =>
        components.Any(c => c.Status == ObservationStatus.EnteredInError) ? ObservationStatus.EnteredInError
        : components.Any(c => c.Status == ObservationStatus.Preliminary) ? ObservationStatus.Preliminary
        : components.Any(c => c.Status == ObservationStatus.Amended) ? ObservationStatus.Amended
        : ObservationStatus.Final;

    private static bool IsBloodPressure(VitalSignKind kind) =>
        kind is VitalSignKind.SystolicBloodPressure or VitalSignKind.DiastolicBloodPressure or VitalSignKind.MeanBloodPressure;
}
