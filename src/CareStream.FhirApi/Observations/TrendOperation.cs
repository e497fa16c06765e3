using System.Globalization;
using CareStream.Domain;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using CareStream.Storage.Registry;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// <c>GET Observation/$trend?patient=&amp;code=&amp;period=start/end</c>: the 1-minute trend tier (min, max, mean, count
/// per UTC minute) as a Parameters resource with one <c>series</c> per matching vital-sign kind. The tier aggregates
/// every device and MDC code of a kind, so the code selects kinds only (8867-4 yields heart rate and pulse rate).
/// </summary>
public static class TrendOperation
{
    public const string Definition = FhirSystems.CareStreamBase + "/OperationDefinition/Observation-trend";
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(31);

    public static async Task<IResult> ExecuteAsync(
        SearchParameters parameters, ObservationQueries queries, FhirAccess access, RegistryQueries registry, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(access);
        var patient = Required(parameters, "patient") is { } p ? FhirReference.ParseId("patient", "Patient", p) : throw Missing("patient");
        var code = Required(parameters, "code") ?? throw Missing("code");
        var (from, to) = ParsePeriod(Required(parameters, "period") ?? throw Missing("period"));
        parameters.ThrowIfUnknown();

        // A patient the caller may not see has no trend: the same answer as an unknown patient (empty series).
        var visible = await access.MaySeeAsync(new PatientId(patient), registry, http, cancellationToken);
        var result = new Parameters();
        foreach (var kind in ObservationCodes.Match(code).Select(t => t.Kind).Distinct().Order().Where(access.AllowsKind))
        {
            var definition = VitalSignCatalog.Get(kind);
            var series = new Parameters.ParameterComponent { Name = "series" };
            series.Part.Add(new() { Name = "code", Value = new CodeableConcept(FhirSystems.Loinc, definition.LoincCode, definition.Display, null)
            {
                Coding = { new Coding(FhirSystems.Mdc, definition.DefaultMdcCode.ToString(CultureInfo.InvariantCulture)) },
            } });
            foreach (var point in (visible ? await queries.TrendAsync(new PatientId(patient), kind, from, to, cancellationToken, access.Patients) : []))
            {
                var part = new Parameters.ParameterComponent { Name = "point" };
                part.Part.Add(new() { Name = "start", Value = new Instant(point.Minute) });
                part.Part.Add(new() { Name = "min", Value = Quantity(point.Min, definition.CanonicalUnit) });
                part.Part.Add(new() { Name = "max", Value = Quantity(point.Max, definition.CanonicalUnit) });
                part.Part.Add(new() { Name = "mean", Value = Quantity(Math.Round(point.Mean, 2), definition.CanonicalUnit) });
                part.Part.Add(new() { Name = "count", Value = new Integer(point.Count) });
                series.Part.Add(part);
            }

            result.Parameter.Add(series);
        }

        return new FhirResult(result);
    }

    private static string? Required(SearchParameters parameters, string name)
    {
        var value = parameters.One(name) ?? (name == "patient" ? parameters.One("subject") : null);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static (DateTimeOffset From, DateTimeOffset To) ParsePeriod(string period)
    {
        var parts = period.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0 || char.IsAsciiLetter(p[0])))
        {
            throw FhirRequestException.InvalidParameter("period", "must be start/end, two FHIR dates or instants.");
        }

        var from = DateParameter.Parse("period", parts[0]).Low;
        var to = DateParameter.Parse("period", parts[1]).High;
        if (to <= from || to - from > MaxPeriod)
        {
            throw FhirRequestException.InvalidParameter("period", $"must end after it starts and span at most {MaxPeriod.TotalDays} days.");
        }

        return (from, to);
    }

    private static Quantity Quantity(double value, string unit) =>
        new((decimal)value, unit, FhirSystems.Ucum) { Unit = unit };

    private static FhirRequestException Missing(string name) =>
        new(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required, $"$trend needs '{name}'.");
}
