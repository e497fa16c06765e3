using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Messaging.Scores;
using CareStream.Rules.News2;

namespace CareStream.Alerting.Publishing;

/// <summary>
/// Pure mapping of a <see cref="News2Result"/> to its <c>carestream.patient-scores.v1</c> record, and the publish
/// decision: a record goes out when the outcome changes, or unchanged once half its validity has passed (so a
/// stable score never looks stale on the dashboard, while a rules role that stopped does).
/// </summary>
public static class PatientScoreRecords
{
    /// <summary>The record for <paramref name="result"/>; incomplete scores carry no number and no level.</summary>
    public static PatientScore From(
        PatientId patient, News2Result result, BedLocation? location, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(result);
        var complete = result.IsComplete;
        return new PatientScore(
            patient.Value,
            location?.Ward.Value,
            location?.Bed.Value,
            complete ? result.Aggregate : null,
            complete ? WireName(result.ResponseLevel) : null,
            (int)result.SpO2Scale,
            [.. result.Missing.Order().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.ToString()))],
            now,
            now + validity);
    }

    /// <summary>True when <paramref name="candidate"/> must be published, given the last published record.</summary>
    public static bool IsDue(PatientScore candidate, PatientScore? last, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!candidate.SameOutcomeAs(last))
        {
            return true;
        }

        var refreshAt = last!.ComputedAt + ((last.ValidUntil - last.ComputedAt) / 2);
        return now >= refreshAt;
    }

    /// <summary>RCP Chart 3 level as written on the wire.</summary>
    public static string WireName(News2ResponseLevel level) => level switch
    {
        News2ResponseLevel.Low => "low",
        News2ResponseLevel.LowMedium => "low-medium",
        News2ResponseLevel.Medium => "medium",
        News2ResponseLevel.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown NEWS2 response level."),
    };
}
