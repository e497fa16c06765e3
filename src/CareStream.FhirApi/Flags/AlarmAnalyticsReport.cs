using CareStream.Storage.Alerts;

namespace CareStream.FhirApi.Flags;

/// <summary>The body of <c>GET /api/alarms/analytics</c>.</summary>
public sealed record AlarmAnalyticsReport(
    string? Ward, DateTimeOffset From, DateTimeOffset To, double SelfResolvedWithinSeconds, IReadOnlyList<AlarmAnalyticsRow> Rows);
