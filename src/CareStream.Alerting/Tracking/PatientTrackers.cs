using System.Collections.Concurrent;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.Tracking;

/// <summary>
/// The alarm state this instance holds: one <see cref="TrackedPatient"/> per patient of the observation partitions
/// it is assigned. Trackers are created lazily on a patient's first reading, seeded with the episodes restored for
/// that partition, and dropped when the partition is revoked (per-patient state is keyed by partition, style.md §8).
/// </summary>
internal sealed class PatientTrackers
{
    private readonly ConcurrentDictionary<PatientId, TrackedPatient> _patients = new();
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<PatientId, IReadOnlyList<AlarmEpisode>>> _restored = new();

    public int Count => _patients.Count;

    /// <summary>A snapshot of the tracked patients (the tick worker iterates it while the consumer adds).</summary>
    public IReadOnlyCollection<TrackedPatient> Snapshot() => [.. _patients.Values];

    public TrackedPatient GetOrAdd(PatientId patient, int partition, RuleSet ruleSet) =>
        _patients.GetOrAdd(patient, p =>
        {
            IReadOnlyList<AlarmEpisode> restored = [];
            if (_restored.TryGetValue(partition, out var byPatient))
            {
                byPatient.TryRemove(p, out restored!);
            }

            AlertingTelemetry.PatientsTracked.Add(1);
            return new TrackedPatient(p, partition, ruleSet, restored ?? []);
        });

    /// <summary>The patient's tracker when this instance tracks them.</summary>
    public TrackedPatient? TryGet(PatientId patient) => _patients.TryGetValue(patient, out var tracked) ? tracked : null;

    /// <summary>Episodes read back for a newly assigned partition, used when its patients' trackers are created.</summary>
    public void SetRestored(int partition, IReadOnlyDictionary<PatientId, IReadOnlyList<AlarmEpisode>> episodes) =>
        _restored[partition] = new ConcurrentDictionary<PatientId, IReadOnlyList<AlarmEpisode>>(episodes);

    /// <summary>Patients with restored episodes on <paramref name="partition"/> that have no tracker yet.</summary>
    public IReadOnlyCollection<PatientId> PendingRestores(int partition) =>
        _restored.TryGetValue(partition, out var byPatient) ? [.. byPatient.Keys] : [];

    public void DropPartitions(IEnumerable<int> partitions)
    {
        var set = partitions.ToHashSet();
        foreach (var partition in set)
        {
            _restored.TryRemove(partition, out _);
        }

        foreach (var (patient, tracked) in _patients)
        {
            if (set.Contains(tracked.Partition) && _patients.TryRemove(patient, out _))
            {
                tracked.Drop();
                AlertingTelemetry.PatientsTracked.Add(-1);
            }
        }
    }
}
