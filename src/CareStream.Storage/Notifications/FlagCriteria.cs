using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Storage.Notifications;

/// <summary>
/// The supported subset of R4 <c>Subscription.criteria</c> on Flag: <c>Flag</c> or <c>Flag?</c> followed by
/// <c>patient</c> (alias <c>subject</c>; <c>Patient/id</c> or <c>id</c>), <c>ward</c> (ward id of the Flag's location
/// extension), <c>priority</c> (flag-priority code <c>PH</c>|<c>PM</c>|<c>PL</c>) and <c>category</c>
/// (<c>physiological</c>|<c>technical</c>). A comma means OR within a parameter; parameters AND together; each parameter
/// at most once; no modifiers, chains or <c>_has</c>. Pure: parsed when a Subscription is created, matched per event.
/// </summary>
public sealed record FlagCriteria(
    IReadOnlySet<string>? Patients, IReadOnlySet<string>? Wards, IReadOnlySet<AlarmPriority>? Priorities, IReadOnlySet<AlarmCategory>? Categories)
{
    /// <summary>The search parameters understood here.</summary>
    public static readonly IReadOnlyList<string> SupportedParameters = ["patient", "subject", "ward", "priority", "category"];

    private const string ResourceType = "Flag";

    /// <summary>Parses <paramref name="criteria"/>; on failure returns null and a message naming the offending part.</summary>
    public static FlagCriteria? TryParse(string? criteria, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(criteria) || criteria.Length > 1024)
        {
            error = "criteria is required (at most 1024 characters), e.g. 'Flag?ward=ward-3&priority=PH'.";
            return null;
        }

        var query = criteria.Trim();
        var mark = query.IndexOf('?', StringComparison.Ordinal);
        var type = mark < 0 ? query : query[..mark];
        if (!string.Equals(type, ResourceType, StringComparison.Ordinal))
        {
            error = $"criteria must be on Flag (got '{type}'); only Flag alarms are notified.";
            return null;
        }

        HashSet<string>? patients = null, wards = null;
        HashSet<AlarmPriority>? priorities = null;
        HashSet<AlarmCategory>? categories = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in (mark < 0 ? "" : query[(mark + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            var key = name == "subject" ? "patient" : name;
            if (!SupportedParameters.Contains(name))
            {
                error = $"criteria parameter '{name}' is not supported; supported: {string.Join(", ", SupportedParameters)}.";
                return null;
            }

            if (!seen.Add(key))
            {
                error = $"criteria parameter '{name}' is repeated; use a comma for OR.";
                return null;
            }

            var values = value.Split(',', StringSplitOptions.TrimEntries);
            if (values.Any(string.IsNullOrEmpty))
            {
                error = $"criteria parameter '{name}' has an empty value.";
                return null;
            }

            switch (key)
            {
                case "patient":
                    patients = [.. values.Select(v => v.StartsWith("Patient/", StringComparison.Ordinal) ? v["Patient/".Length..] : v)];
                    if (patients.Any(p => p.Length == 0 || p.Contains('/', StringComparison.Ordinal)))
                    {
                        error = "criteria parameter 'patient' must be Patient/<id> or <id>.";
                        return null;
                    }

                    break;
                case "ward":
                    wards = [.. values];
                    break;
                case "priority":
                    priorities = [];
                    foreach (var v in values)
                    {
                        if (PriorityOf(v) is not { } p)
                        {
                            error = $"criteria parameter 'priority' value '{v}' is not PH, PM or PL.";
                            return null;
                        }

                        priorities.Add(p);
                    }

                    break;
                default:
                    categories = [];
                    foreach (var v in values)
                    {
                        if (CategoryOf(v) is not { } c)
                        {
                            error = $"criteria parameter 'category' value '{v}' is not physiological or technical.";
                            return null;
                        }

                        categories.Add(c);
                    }

                    break;
            }
        }

        return new FlagCriteria(patients, wards, priorities, categories);
    }

    /// <summary>True when the Flag of <paramref name="episode"/> (on <paramref name="ward"/>) matches.</summary>
    public bool Matches(AlarmEpisode episode, WardId? ward)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return (Patients is null || Patients.Contains(episode.Patient.Value))
            && (Wards is null || (ward is { } w && Wards.Contains(w.Value)))
            && (Priorities is null || Priorities.Contains(episode.Priority))
            && (Categories is null || Categories.Contains(episode.Category));
    }

    private static AlarmPriority? PriorityOf(string code) =>
        (code.StartsWith("http://terminology.hl7.org/CodeSystem/flag-priority-code|", StringComparison.Ordinal) ? code[(code.IndexOf('|', StringComparison.Ordinal) + 1)..] : code) switch
        {
            "PH" => AlarmPriority.High,
            "PM" => AlarmPriority.Medium,
            "PL" => AlarmPriority.Low,
            _ => null,
        };

    private static AlarmCategory? CategoryOf(string code) => code switch
    {
        "physiological" => AlarmCategory.Physiological,
        "technical" => AlarmCategory.Technical,
        _ => null,
    };
}
