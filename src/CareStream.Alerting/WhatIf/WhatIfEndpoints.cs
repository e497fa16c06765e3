using CareStream.Auth.Access;
using CareStream.Alerting.Commands;
using CareStream.Alerting.RuleSets;
using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Rules.RuleSets;
using CareStream.Storage.Observations;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.Alerting.WhatIf;

/// <summary>
/// <c>POST /api/alarms/what-if</c>: replays a ward's stored readings of [from, to) — every patient assigned to one of
/// its beds in the range (registry), each for the time of their stay — through the ward's current rule set and the
/// candidate (<see cref="WhatIfReplay"/>), and answers the comparison. Read-only: no live tracker, no Kafka.
/// Bounded: at most <see cref="MaxRange"/> and <see cref="MaxReadings"/> readings (400 naming the limit).
/// </summary>
public static class WhatIfEndpoints
{
    public const string Path = "/api/alarms/what-if";

    public const int MaxReadings = 200_000;

    private const int PageSize = 5_000;

    public static TimeSpan MaxRange { get; } = TimeSpan.FromDays(7);

    public static IEndpointRouteBuilder MapWhatIfEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(Path, async (
            WhatIfRequest body, HttpContext http, WardRuleSets ruleSets, WardStayQueries stays, ObservationQueries observations, CancellationToken ct) =>
        {
            var validation = new CommandValidation().Id("ward", body.Ward)
                .Check(body.From is not null, "from", "'from' is required (ISO 8601 with offset).")
                .Check(body.To is not null, "to", "'to' is required (ISO 8601 with offset).")
                .Check(body.From is null || body.To is null || body.From < body.To, "to", "'to' must be after 'from'.")
                .Check(body.From is null || body.To is null || body.To - body.From <= MaxRange, "to", $"The range must be at most {MaxRange.TotalDays} days.")
                .Check(body.RuleSet is not null, "ruleSet", "'ruleSet' (the candidate rule set JSON) is required.");
            RuleSet? candidate = null;
            if (body.RuleSet is { } json)
            {
                var loaded = RuleSetLoader.Load(json.GetRawText());
                candidate = loaded.RuleSet;
                foreach (var error in loaded.Errors)
                {
                    validation.Check(false, "ruleSet." + Limits.PatientLimits.FieldOf(error), error);
                }
            }

            if (!validation.IsValid || candidate is null)
            {
                return TypedResults.ValidationProblem(validation.Errors, "The what-if request is invalid; nothing was replayed.");
            }

            if (!await PatientWardGuard.MaySeeWardAsync(http, body.Ward))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not permitted for this ward");
            }

            var ward = new WardId(body.Ward!);
            ruleSets.Refresh();
            var history = new Dictionary<PatientId, IReadOnlyList<VitalSignReading>>();
            var total = 0;
            foreach (var stay in await stays.StaysAsync(ward, body.From!.Value, body.To!.Value, ct))
            {
                var readings = history.TryGetValue(stay.Patient, out var known) ? [.. known] : new List<VitalSignReading>();
                string? cursor = null;
                do
                {
                    var page = await observations.SearchAsync(
                        new ReadingSearch(stay.Patient, From: stay.From, To: stay.To, NewestFirst: false, PageSize: PageSize, Cursor: cursor), ct);
                    readings.AddRange(page.Items.Select(r => r.ToReading()));
                    total += page.Items.Count;
                    cursor = page.NextCursor;
                    if (total > MaxReadings)
                    {
                        validation.Check(false, "to", $"The range holds more than {MaxReadings} readings; narrow it.");
                        return TypedResults.ValidationProblem(validation.Errors, "The what-if request is too large; nothing was replayed.");
                    }
                }
                while (cursor is not null);
                history[stay.Patient] = readings;
            }

            var current = ruleSets.For(ward);
            return Results.Json(new WhatIfResponse(ward.Value, current.Id, current.Version, candidate.Id, candidate.Version,
                WhatIfReplay.Compare(current, candidate, history)));
        }).RequireAuthorization(CareStreamPolicies.Clinician);
        return endpoints;
    }
}
