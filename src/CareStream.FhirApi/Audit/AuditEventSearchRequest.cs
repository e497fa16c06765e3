using System.Globalization;
using CareStream.Auth.Audit;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;

namespace CareStream.FhirApi.Audit;

/// <summary>
/// AuditEvent search parameters: <c>date</c> (AuditEvent.recorded; ge/le/gt/lt/eq, repeats AND), <c>agent</c> (the
/// user's sub or a client id), <c>patient</c> or <c>entity</c> (Patient/id or id), <c>action</c> (C R U D E),
/// <c>subtype</c> (a restful-interaction code or an operation name), <c>_count</c> and the keyset <c>_cursor</c>.
/// </summary>
public sealed record AuditEventSearchRequest(AuditEventSearch Search, bool MatchesNothing)
{
    private static readonly string[] Actions = ["C", "R", "U", "D", "E"];

    public static AuditEventSearchRequest Parse(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var window = new TimeWindow();
        foreach (var value in parameters.Values("date"))
        {
            window.Add(DateParameter.Parse("date", value));
            parameters.Applied("date", value);
        }

        if (window.Excluded.Count > 0)
        {
            throw FhirRequestException.InvalidParameter("date", "the prefix ne is not supported on AuditEvent.");
        }

        var action = Single(parameters, "action");
        if (action is not null && !Actions.Contains(action))
        {
            throw FhirRequestException.InvalidParameter("action", "must be one of C, R, U, D, E.");
        }

        var patient = Single(parameters, "patient") ?? Single(parameters, "entity");
        if (patient is not null)
        {
            patient = FhirReference.ParseId("patient", "Patient", patient);
        }

        var count = PagingParameters.Count(parameters);
        var search = new AuditEventSearch(
            window.From, window.To, Single(parameters, "agent"), patient, action, Single(parameters, "subtype"), Math.Max(count, 1), Cursor(parameters));
        return new AuditEventSearchRequest(search, window.IsEmpty || count == 0);
    }

    private static string? Single(SearchParameters parameters, string name)
    {
        var value = parameters.One(name);
        if (value is null)
        {
            return null;
        }

        if (value.Length is 0 or > 128 || value.Contains(',', StringComparison.Ordinal))
        {
            throw FhirRequestException.InvalidParameter(name, "one value of at most 128 characters (no comma lists).");
        }

        parameters.Applied(name, value);
        return value;
    }

    private static long? Cursor(SearchParameters parameters)
    {
        var text = parameters.One("_cursor");
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var before) && before > 0
            ? before
            : throw FhirRequestException.InvalidParameter("_cursor", "not a page cursor of this server.");
    }
}
