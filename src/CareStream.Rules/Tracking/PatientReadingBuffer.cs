using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.Rules.Tracking;

/// <summary>
/// Recent valid readings of one patient, per kind and sorted by time, de-duplicated on (ObservationId, Kind).
/// Keeps <c>retention</c> of data behind the newest reading, and always the latest reading per kind (NEWS2 needs it).
/// </summary>
internal sealed class PatientReadingBuffer(PatientId patient, TimeSpan retention)
{
    private readonly Dictionary<(string, VitalSignKind), VitalSignReading> _byKey = [];
    private readonly Dictionary<VitalSignKind, List<VitalSignReading>> _lists = [];
    private readonly Dictionary<VitalSignKind, IReadOnlyList<VitalSignReading>> _view = [];
    private readonly Dictionary<VitalSignKind, DateTimeOffset> _lastSeen = [];
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    public IReadOnlyDictionary<VitalSignKind, IReadOnlyList<VitalSignReading>> ByKind => _view;

    public IReadOnlyDictionary<VitalSignKind, DateTimeOffset> LastSeen => _lastSeen;

    /// <summary>Adds or replaces a reading; false when it changes nothing (duplicate or too old to matter).</summary>
    public bool Add(VitalSignReading reading)
    {
        if (reading.Patient != patient)
        {
            throw new ArgumentException("The reading belongs to another patient.", nameof(reading));
        }

        var key = (reading.ObservationId, reading.Kind);
        if (_byKey.TryGetValue(key, out var known))
        {
            if (known == reading)
            {
                return false;
            }

            Remove(known);
        }
        else if (_lists.ContainsKey(reading.Kind) && reading.EffectiveAt < _newest - retention)
        {
            return false;
        }

        _byKey[key] = reading;
        if (reading.Status == ObservationStatus.EnteredInError || !double.IsFinite(reading.Value))
        {
            return true; // remembered for de-duplication, never evaluated
        }

        Insert(reading);
        Prune();
        return true;
    }

    private void Insert(VitalSignReading reading)
    {
        if (!_lists.TryGetValue(reading.Kind, out var list))
        {
            list = [];
            _lists[reading.Kind] = list;
            _view[reading.Kind] = list;
        }

        var index = list.Count;
        while (index > 0 && list[index - 1].EffectiveAt > reading.EffectiveAt)
        {
            index--;
        }

        list.Insert(index, reading);
        if (!_lastSeen.TryGetValue(reading.Kind, out var last) || last < reading.EffectiveAt)
        {
            _lastSeen[reading.Kind] = reading.EffectiveAt;
        }

        if (reading.EffectiveAt > _newest)
        {
            _newest = reading.EffectiveAt;
        }
    }

    private void Remove(VitalSignReading reading)
    {
        if (_lists.TryGetValue(reading.Kind, out var list) && list.Remove(reading) && list.Count == 0)
        {
            _lists.Remove(reading.Kind);
            _view.Remove(reading.Kind);
        }
    }

    private void Prune()
    {
        var horizon = _newest - retention;
        foreach (var list in _lists.Values)
        {
            var drop = 0;
            while (drop < list.Count - 1 && list[drop].EffectiveAt < horizon)
            {
                _byKey.Remove((list[drop].ObservationId, list[drop].Kind));
                drop++;
            }

            list.RemoveRange(0, drop);
        }
    }
}
