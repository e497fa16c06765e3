using System.Globalization;
using System.Text;
using CareStream.Domain.Vitals;
using Npgsql;

namespace CareStream.Storage.Observations;

/// <summary>
/// The WHERE clause of a <see cref="ReadingSearch"/> over <c>observation o</c> joined to
/// <c>unnest(@kinds, @mdcs) AS k(kind, mdc)</c>. Every value is a bound parameter; only fixed SQL text is appended.
/// </summary>
internal static class ReadingFilter
{
    public const string KindsSource = "unnest(@kinds, @mdcs) AS k(kind, mdc)";
    public const string PatientKey = "(SELECT patient_key FROM patient_key WHERE patient_id = @patient)";
    private static readonly KindCode[] AllKinds = Enum.GetValues<VitalSignKind>().Select(k => new KindCode(k)).ToArray();

    public static IReadOnlyCollection<KindCode> Terms(ReadingSearch search) =>
        search.Codes ?? (search.Kinds is { Count: > 0 } kinds ? kinds.Distinct().Select(k => new KindCode(k)).ToArray() : AllKinds);

    public static string Where(ReadingSearch search)
    {
        var sql = new StringBuilder(search.Access.IsUnrestricted
            ? $"o.patient_key = {PatientKey} AND o.kind = k.kind"
            : $"o.patient_key = (SELECT patient_key FROM patient_key WHERE patient_id = @patient AND {search.Access.PatientPredicate("@patient")}) AND o.kind = k.kind");
        if (Terms(search).Any(t => t.MdcCode != KindCode.AnyMdc))
        {
            sql.Append(" AND (k.mdc = 0 OR o.source_key = ANY (ARRAY(SELECT source_key FROM observation_source WHERE mdc_code = k.mdc)))");
        }

        if (search.Device is not null)
        {
            sql.Append(" AND o.source_key = ANY (ARRAY(SELECT source_key FROM observation_source WHERE device_id = @device))");
        }

        if (search.From is not null)
        {
            sql.Append(" AND o.effective >= @from");
        }

        if (search.To is not null)
        {
            sql.Append(" AND o.effective < @to");
        }

        if (search.Status is not null)
        {
            sql.Append(" AND o.status = @status");
        }

        if (search.Statuses is not null)
        {
            sql.Append(" AND o.status = ANY (@statuses)");
        }

        for (var i = 0; i < (search.Excluded?.Count ?? 0); i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND NOT (o.effective >= @x{i}_from AND o.effective < @x{i}_to)");
        }

        return sql.ToString();
    }

    public static void AddParameters(NpgsqlCommand command, ReadingSearch search)
    {
        var terms = Terms(search);
        command.Parameters.AddWithValue("patient", search.Patient.Value);
        search.Access.AddParameters(command);
        command.Parameters.AddWithValue("kinds", terms.Select(t => (short)t.Kind).ToArray());
        command.Parameters.AddWithValue("mdcs", terms.Select(t => t.MdcCode).ToArray());
        if (search.Device is { } device)
        {
            command.Parameters.AddWithValue("device", device.Value);
        }

        if (search.From is { } from)
        {
            command.Parameters.AddWithValue("from", from.ToUniversalTime());
        }

        if (search.To is { } to)
        {
            command.Parameters.AddWithValue("to", to.ToUniversalTime());
        }

        if (search.Status is { } status)
        {
            command.Parameters.AddWithValue("status", (short)status);
        }

        if (search.Statuses is { } statuses)
        {
            command.Parameters.AddWithValue("statuses", statuses.Select(s => (short)s).ToArray());
        }

        for (var i = 0; i < (search.Excluded?.Count ?? 0); i++)
        {
            command.Parameters.AddWithValue($"x{i}_from", search.Excluded![i].From.ToUniversalTime());
            command.Parameters.AddWithValue($"x{i}_to", search.Excluded[i].To.ToUniversalTime());
        }
    }
}
