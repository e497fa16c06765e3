using CareStream.Live.Hubs;
using CareStream.Messaging.Scores;

namespace CareStream.Live.Relay;

/// <summary>
/// Each patient's latest NEWS2 outcome and the bed it belongs to, from the compacted scores topic. A record older
/// than the one held (redelivery) is ignored; a patient without a bed leaves the board.
/// </summary>
public sealed class News2Board
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Ward, News2Update Update)> _byPatient = new(StringComparer.Ordinal);

    /// <summary>Applies one record; returns the ward and tile update to push, or null when nothing is to be shown.</summary>
    public (string Ward, News2Update Update)? Apply(PatientScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        lock (_gate)
        {
            if (_byPatient.TryGetValue(score.Patient, out var known) && known.Update.ComputedAt > score.ComputedAt)
            {
                return null;
            }

            if (score.Ward is null || score.Bed is null)
            {
                _byPatient.Remove(score.Patient);
                return null;
            }

            var update = new News2Update(
                score.Bed, score.Patient, score.Score, score.ResponseLevel, score.Scale, score.Missing, score.ComputedAt, score.ValidUntil);
            _byPatient[score.Patient] = (score.Ward, update);
            return (score.Ward, update);
        }
    }

    /// <summary>The ward's scores, one per bed (the newest when a previous occupant's record is still held).</summary>
    public IReadOnlyList<News2Update> Of(string ward)
    {
        lock (_gate)
        {
            return [.. _byPatient.Values
                .Where(v => v.Ward == ward)
                .GroupBy(v => v.Update.Bed, StringComparer.Ordinal)
                .Select(g => g.MaxBy(v => v.Update.ComputedAt).Update)];
        }
    }
}
