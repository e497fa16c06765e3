using System.Collections.Concurrent;
using CareStream.Domain;
using CareStream.Domain.Registry;

namespace CareStream.Messaging.Registry;

/// <summary>
/// The in-memory view of the assignments topic every role keeps: which patient a device's reading belongs to at
/// the reading's effective time, where a patient lies now, and the labels of beds and wards.
/// Written only by <see cref="RegistryFeed"/>; read concurrently by everyone.
/// </summary>
public sealed class RegistryDirectory
{
    // Per device, its association history ordered by ValidFrom. Compaction keeps only the latest per device on
    // the topic, so after a restart history begins at the current association: earlier readings (replays)
    // resolve to it only when they are not older than its ValidFrom.
    private readonly ConcurrentDictionary<DeviceId, DeviceAssignment[]> _devices = new();
    private readonly ConcurrentDictionary<BedId, BedLocation> _beds = new();
    private readonly ConcurrentDictionary<PatientId, PatientDemographics> _patients = new();
    private readonly ConcurrentDictionary<PatientId, BedId> _patientBeds = new();

    public int DeviceCount => _devices.Count;

    public void Apply(object fact)
    {
        switch (fact)
        {
            case DeviceAssignment assignment:
                Apply(assignment);
                break;
            case BedLocation bed:
                _beds[bed.Bed] = bed;
                break;
            case PatientDemographics patient:
                _patients[patient.Patient] = patient;
                break;
            default:
                throw new ArgumentException("Not a registry fact.", nameof(fact));
        }
    }

    /// <summary>The association in force for <paramref name="device"/> at <paramref name="effectiveAt"/>, if any.</summary>
    public DeviceAssignment? AssignmentAt(DeviceId device, DateTimeOffset effectiveAt)
    {
        if (!_devices.TryGetValue(device, out var history))
        {
            return null;
        }

        for (var i = history.Length - 1; i >= 0; i--)
        {
            if (history[i].ValidFrom <= effectiveAt)
            {
                return history[i];
            }
        }

        return null;
    }

    /// <summary>The latest association of <paramref name="device"/> (whatever its ValidFrom), if it was ever associated.</summary>
    public DeviceAssignment? CurrentAssignment(DeviceId device) =>
        _devices.TryGetValue(device, out var history) ? history[^1] : null;

    /// <summary>The latest association of every known device: the registry's present state, for ADT decisions.</summary>
    public IReadOnlyList<DeviceAssignment> CurrentAssignments() => [.. _devices.Values.Select(history => history[^1])];

    public BedLocation? Bed(BedId bed) => _beds.GetValueOrDefault(bed);

    public PatientDemographics? Patient(PatientId patient) => _patients.GetValueOrDefault(patient);

    /// <summary>Where the patient lies now (the bed of their latest device association).</summary>
    public BedLocation? CurrentBedOf(PatientId patient) =>
        _patientBeds.TryGetValue(patient, out var bed) ? _beds.GetValueOrDefault(bed) : null;

    private void Apply(DeviceAssignment assignment)
    {
        _devices.AddOrUpdate(
            assignment.Device,
            _ => [assignment],
            (_, history) => history.Contains(assignment)
                ? history
                : [.. history.Where(a => a.ValidFrom != assignment.ValidFrom).Append(assignment).OrderBy(a => a.ValidFrom)]);

        var latest = _devices[assignment.Device][^1];
        if (latest.Patient is { } patient)
        {
            _patientBeds[patient] = latest.Bed;
        }
    }
}
