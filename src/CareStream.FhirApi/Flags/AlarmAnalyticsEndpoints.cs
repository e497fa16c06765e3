using CareStream.Auth.Access;
using System.Globalization;
using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Storage.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.FhirApi.Flags;

/// <summary>
/// <c>GET /api/alarms/analytics?ward=&amp;from=&amp;to=&amp;selfResolvedWithin=</c>: alarm-fatigue figures per ward, bed
/// and rule from the alert store (definitions in docs/alarms-fhir-mapping.md). Not FHIR: plain JSON, RFC 7807 errors.
/// </summary>
public static class AlarmAnalyticsEndpoints
{
    public const string Path = "/api/alarms/analytics";

    /// <summary>Default period when <c>from</c> is absent: the 7 days before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(7);

    /// <summary>Default self-resolution window when <c>selfResolvedWithin</c> (seconds) is absent.</summary>
    public static readonly TimeSpan DefaultSelfResolvedWithin = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapAlarmAnalytics(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, QueryAsync).RequireAuthorization(CareStreamPolicies.Clinician);
        return endpoints;
    }

    private static async Task<IResult> QueryAsync(
        HttpRequest request, AlarmAnalytics analytics, CancellationToken cancellationToken)
    {
        var query = request.Query;
        string? Error(string name, string? value, Func<string, bool> valid) =>
            value is null || valid(value) ? null : $"'{name}' is not valid.";
        var to = Instant(query["to"]) ?? (request.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        var from = Instant(query["from"]) ?? to - DefaultPeriod;
        var error = Error("from", query["from"], v => Instant(v) is not null)
            ?? Error("to", query["to"], v => Instant(v) is not null)
            ?? Error("selfResolvedWithin", query["selfResolvedWithin"], v => Seconds(v) is not null)
            ?? Error("ward", query["ward"], v => v.Length is > 0 and <= 64 && !v.Any(char.IsControl))
            ?? (from >= to ? "'from' must be before 'to'." : null);
        if (error is not null)
        {
            return Results.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!await PatientWardGuard.MaySeeWardAsync(request.HttpContext, query["ward"]))
        {
            // Ward-bound staff see their own wards' figures; the all-wards view is for administrators.
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not permitted for this ward");
        }

        var ward = (string?)query["ward"] is { } w ? new WardId(w) : (WardId?)null;
        var within = (string?)query["selfResolvedWithin"] is { } s ? Seconds(s)!.Value : DefaultSelfResolvedWithin;
        var rows = await analytics.QueryAsync(ward, from, to, within, cancellationToken);
        return Results.Ok(new AlarmAnalyticsReport(ward?.Value, from, to, within.TotalSeconds, rows));
    }

    private static DateTimeOffset? Instant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static TimeSpan? Seconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s <= 86_400 ? TimeSpan.FromSeconds(s) : null;
}
