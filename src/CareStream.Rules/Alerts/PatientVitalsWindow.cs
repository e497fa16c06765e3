using System.Collections.Frozen;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Rules.News2;

namespace CareStream.Rules.Alerts;

/// <summary>
/// Everything the rules see for one patient at one evaluation: recent readings per kind (ascending by
/// <see cref="VitalSignReading.EffectiveAt"/>, entered-in-error and non-finite values removed), charting inputs,
/// device signal reports, unassociated devices, the rules currently in alarm (for hysteresis) and <see cref="Now"/>.
/// </summary>
public sealed class PatientVitalsWindow
{
    private readonly IReadOnlyDictionary<VitalSignKind, IReadOnlyList<VitalSignReading>> _byKind;

    /// <summary>Builds a window from readings in any order (validity filter and sort applied here).</summary>
    public PatientVitalsWindow(PatientId patient, DateTimeOffset now, IEnumerable<VitalSignReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        Patient = patient;
        Now = now;
        var valid = readings
            .Where(r => r.Status != ObservationStatus.EnteredInError && double.IsFinite(r.Value))
            .ToList();
        if (valid.Any(r => r.Patient != patient))
        {
            throw new ArgumentException("All readings must belong to the window's patient.", nameof(readings));
        }

        _byKind = valid
            .GroupBy(r => r.Kind)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<VitalSignReading>)[.. g.OrderBy(r => r.EffectiveAt)]);
        LastSeen = _byKind.ToFrozenDictionary(p => p.Key, p => p.Value[^1].EffectiveAt);
    }

    /// <summary>Hot path for the tracker: lists already valid, non-empty and sorted; not copied.</summary>
    internal PatientVitalsWindow(
        PatientId patient, DateTimeOffset now, IReadOnlyDictionary<VitalSignKind, IReadOnlyList<VitalSignReading>> byKind)
    {
        Patient = patient;
        Now = now;
        _byKind = byKind;
        LastSeen = FrozenDictionary<VitalSignKind, DateTimeOffset>.Empty;
    }

    public PatientId Patient { get; }

    /// <summary>Evaluation time (from the data or the host's TimeProvider); used by time-based rules only.</summary>
    public DateTimeOffset Now { get; }

    public ChartingInputs Charting { get; init; } = ChartingInputs.None;

    /// <summary>Latest signal report per (device, kind) that is not <see cref="DeviceSignalCondition.Normal"/>.</summary>
    public IReadOnlyList<DeviceSignalReport> ActiveSignalConditions { get; init; } = [];

    /// <summary>Devices at this patient's bed that publish data while not associated with any patient.</summary>
    public IReadOnlyList<DeviceId> UnassociatedDevices { get; init; } = [];

    /// <summary>Rule ids whose alarm condition is currently active (hysteresis needs it).</summary>
    public IReadOnlySet<string> ActiveRuleIds { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Time of the last valid reading per kind, kept beyond the readings' retention (for staleness).</summary>
    public IReadOnlyDictionary<VitalSignKind, DateTimeOffset> LastSeen { get; init; }

    /// <summary>Valid readings of one kind, oldest first.</summary>
    public IReadOnlyList<VitalSignReading> ReadingsOf(VitalSignKind kind) =>
        _byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>The latest valid reading of one kind, if any.</summary>
    public VitalSignReading? Latest(VitalSignKind kind) =>
        _byKind.TryGetValue(kind, out var list) ? list[^1] : null;

    /// <summary>The latest valid reading of one kind within <paramref name="freshness"/> of <see cref="Now"/>.</summary>
    public VitalSignReading? LatestFresh(VitalSignKind kind, TimeSpan freshness) =>
        Latest(kind) is { } r && r.EffectiveAt >= Now - freshness ? r : null;

    /// <summary>The window as it stood at <paramref name="instant"/>: only readings up to it, evaluated at it.</summary>
    internal PatientVitalsWindow AsOf(DateTimeOffset instant) =>
        new(Patient, instant, _byKind
            .Select(p => (p.Key, Readings: (IReadOnlyList<VitalSignReading>)[.. p.Value.Where(r => r.EffectiveAt <= instant)]))
            .Where(p => p.Readings.Count > 0)
            .ToDictionary(p => p.Key, p => p.Readings))
        {
            Charting = Charting,
            ActiveRuleIds = ActiveRuleIds,
        };
}
