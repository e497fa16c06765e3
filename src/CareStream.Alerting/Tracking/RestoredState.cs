using CareStream.Alerting.Commands;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.News2;
using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.Tracking;

/// <summary>What <see cref="AlarmStateRestorer"/> read back for newly assigned partitions.</summary>
internal sealed class RestoredState
{
    private readonly Dictionary<int, Dictionary<PatientId, Dictionary<string, AlarmEpisode>>> _episodes = [];
    private readonly Dictionary<int, Dictionary<PatientId, List<VitalSignReading>>> _readings = [];
    private readonly Dictionary<int, Dictionary<PatientId, ChartingInputs>> _charting = [];
    private readonly Dictionary<int, Dictionary<PatientId, (long Offset, IReadOnlyDictionary<string, ParameterLimitsOverride> Overrides)>> _limits = [];

    public static RestoredState Empty { get; } = new();

    public int EpisodeCount => _episodes.Values.Sum(p => p.Values.Sum(e => e.Count));

    public int PatientCount => _episodes.Values.Sum(p => p.Count);

    /// <summary>Records an episode's state; later records (higher offsets) of the same episode replace earlier ones.</summary>
    public void Add(int partition, AlarmEpisode episode)
    {
        var byPatient = GetOrAdd(_episodes, partition);
        if (!byPatient.TryGetValue(episode.Patient, out var byEpisode))
        {
            byPatient[episode.Patient] = byEpisode = new Dictionary<string, AlarmEpisode>(StringComparer.Ordinal);
        }

        byEpisode[episode.EpisodeId] = episode;
    }

    public void Add(int partition, VitalSignReading reading)
    {
        var byPatient = GetOrAdd(_readings, partition);
        if (!byPatient.TryGetValue(reading.Patient, out var list))
        {
            byPatient[reading.Patient] = list = [];
        }

        list.Add(reading);
    }

    /// <summary>Applies a charting command read back (in offset order) on top of what the patient had charted.</summary>
    public void Add(int partition, PatientId patient, ChartingUpdate update)
    {
        var byPatient = GetOrAdd(_charting, partition);
        byPatient[patient] = update.ApplyTo(byPatient.GetValueOrDefault(patient) ?? ChartingInputs.None);
    }

    /// <summary>
    /// A limits command (from the command topic or the <c>patient_limit_change</c> audit, in any order) at
    /// <paramref name="offset"/> of <paramref name="partition"/> of the command topic: the highest offset wins,
    /// as it is the last command the rules role applied (or will apply) for the patient.
    /// </summary>
    public void AddLimits(int partition, long offset, PatientId patient, IReadOnlyDictionary<string, ParameterLimitsOverride> overrides)
    {
        var byPatient = GetOrAdd(_limits, partition);
        if (!byPatient.TryGetValue(patient, out var current) || offset >= current.Offset)
        {
            byPatient[patient] = (offset, overrides);
        }
    }

    /// <summary>Every patient with a limits command read back, with the latest overrides (possibly empty = cleared).</summary>
    public IEnumerable<(int Partition, PatientId Patient, IReadOnlyDictionary<string, ParameterLimitsOverride> Overrides)> Limits() =>
        _limits.SelectMany(p => p.Value.Select(c => (p.Key, c.Key, c.Value.Overrides)));

    public int LimitsPatientCount => _limits.Values.Sum(p => p.Count);

    public int ChartedPatientCount => _charting.Values.Sum(p => p.Count);

    /// <summary>Every patient with charting read back, with the charted state.</summary>
    public IEnumerable<(int Partition, PatientId Patient, ChartingInputs Charting)> Charting() =>
        _charting.SelectMany(p => p.Value.Select(c => (p.Key, c.Key, c.Value)));

    public IReadOnlyDictionary<PatientId, IReadOnlyList<AlarmEpisode>> EpisodesOf(int partition) =>
        _episodes.TryGetValue(partition, out var byPatient)
            ? byPatient.ToDictionary(p => p.Key, p => (IReadOnlyList<AlarmEpisode>)[.. p.Value.Values])
            : new Dictionary<PatientId, IReadOnlyList<AlarmEpisode>>();

    /// <summary>Every patient with restored episodes or replayed readings, with those readings (possibly none).</summary>
    public IEnumerable<(int Partition, PatientId Patient, IReadOnlyList<VitalSignReading> Readings)> Patients()
    {
        var keys = _episodes.SelectMany(p => p.Value.Keys.Select(patient => (p.Key, patient)))
            .Concat(_readings.SelectMany(p => p.Value.Keys.Select(patient => (p.Key, patient))))
            .Distinct();
        foreach (var (partition, patient) in keys)
        {
            IReadOnlyList<VitalSignReading> readings =
                _readings.TryGetValue(partition, out var byPatient) && byPatient.TryGetValue(patient, out var list) ? list : [];
            yield return (partition, patient, readings);
        }
    }

    private static Dictionary<PatientId, T> GetOrAdd<T>(Dictionary<int, Dictionary<PatientId, T>> map, int partition)
    {
        if (!map.TryGetValue(partition, out var byPatient))
        {
            map[partition] = byPatient = [];
        }

        return byPatient;
    }
}
