using System.Globalization;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Registry;
using Npgsql;

namespace CareStream.Storage.Registry;

/// <summary>Patient reads with row versions, and the FHIR Patient search (keyset-paged by patient id).</summary>
public sealed partial class RegistryQueries
{
    private const string PatientColumns =
        "patient_id, medical_record_number, family_name, given_name, birth_date, gender, xmin::text, updated_at";

    // A birth date as the instant its day starts (UTC), so FHIR date ranges compare against [day, day + 1).
    private const string BirthStart = "(birth_date::timestamp AT TIME ZONE 'UTC')";
    private const string BirthEnd = "((birth_date + 1)::timestamp AT TIME ZONE 'UTC')";

    public async Task<Versioned<PatientDemographics>?> GetVersionedPatientAsync(
        PatientId patient, CancellationToken cancellationToken, PatientAccess? access = null)
    {
        access ??= PatientAccess.Unrestricted;
        await using var command = dataSource.CreateCommand(
            $"SELECT {PatientColumns} FROM patient WHERE patient_id = @id AND {access.PatientPredicate("patient.patient_id")}");
        command.Parameters.AddWithValue("id", patient.Value);
        access.AddParameters(command);
        var rows = await ReadPatientsAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>One page of the search, ascending by id (a backward page is read descending and reversed).</summary>
    public async Task<RegistryPage<Versioned<PatientDemographics>>> SearchPatientsAsync(PatientSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.PageSize, 1);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {PatientColumns} FROM patient WHERE ");
        sql.Append(PatientWhere(search, command));
        var backward = search.Before is not null;
        if (search.After is { } after)
        {
            sql.Append(" AND patient_id > @after");
            command.Parameters.AddWithValue("after", after);
        }
        else if (search.Before is { } before)
        {
            sql.Append(" AND patient_id < @before");
            command.Parameters.AddWithValue("before", before);
        }

        sql.Append(backward ? " ORDER BY patient_id DESC" : " ORDER BY patient_id").Append(" LIMIT @limit");
        command.Parameters.AddWithValue("limit", search.PageSize + 1);
        command.CommandText = sql.ToString();
        var rows = await ReadPatientsAsync(command, cancellationToken);
        var more = rows.Count > search.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backward)
        {
            rows.Reverse();
        }

        return new RegistryPage<Versioned<PatientDemographics>>(rows, more);
    }

    /// <summary>Number of patients matching the search (cursors and page size ignored).</summary>
    public async Task<long> CountPatientsAsync(PatientSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var command = dataSource.CreateCommand();
        command.CommandText = "SELECT count(*) FROM patient WHERE " + PatientWhere(search, command);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Whether <paramref name="access"/> lets the caller see <paramref name="patient"/> now (reads by id; 404 otherwise).</summary>
    public async Task<bool> MaySeeAsync(PatientId patient, PatientAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        if (access.IsUnrestricted)
        {
            return true;
        }

        await using var command = dataSource.CreateCommand($"SELECT {access.PatientPredicate("@patient")}");
        command.Parameters.AddWithValue("patient", patient.Value);
        access.AddParameters(command);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string PatientWhere(PatientSearch search, NpgsqlCommand command)
    {
        var where = new List<string> { search.Access.PatientPredicate("patient.patient_id") };
        search.Access.AddParameters(command);
        if (search.MedicalRecordNumbers.Count > 0)
        {
            where.Add("medical_record_number = ANY(@mrn)");
            command.Parameters.AddWithValue("mrn", search.MedicalRecordNumbers.ToArray());
        }

        var anyName = search.Names.Count + search.FamilyNames.Count + search.GivenNames.Count > 0;
        AddWordTerms(where, command, "n", NameFolding.SqlWords("family_name || ' ' || given_name"), search.Names);
        AddWordTerms(where, command, "f", NameFolding.SqlWords("family_name"), search.FamilyNames);
        AddWordTerms(where, command, "g", NameFolding.SqlWords("given_name"), search.GivenNames);
        if (anyName)
        {
            command.Parameters.AddWithValue("fold_from", NameFolding.From);
            command.Parameters.AddWithValue("fold_to", NameFolding.To);
        }

        for (var i = 0; i < search.BirthDates.Count; i++)
        {
            where.Add(DateSql(search.BirthDates[i].Prefix, $"@b{i}_lo", $"@b{i}_hi"));
            command.Parameters.AddWithValue($"b{i}_lo", search.BirthDates[i].Low.ToUniversalTime());
            command.Parameters.AddWithValue($"b{i}_hi", search.BirthDates[i].High.ToUniversalTime());
        }

        return string.Join(" AND ", where);
    }

    /// <summary>Each entry ANDed; its alternatives ORed; a term matches the start of any word.</summary>
    private static void AddWordTerms(List<string> where, NpgsqlCommand command, string prefix, string words, IReadOnlyList<IReadOnlyList<string>> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            var alternatives = new List<string>();
            for (var j = 0; j < terms[i].Count; j++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}_{j}");
                alternatives.Add($"position(@{name} in {words}) > 0");
                command.Parameters.AddWithValue(name, " " + NameFolding.Fold(terms[i][j]));
            }

            where.Add("(" + string.Join(" OR ", alternatives) + ")");
        }
    }

    // FHIR R4 date search against a range target [start, end): eq within, gt/lt reaching beyond, sa/eb wholly beyond.
    private static string DateSql(string prefix, string lo, string hi) => prefix switch
    {
        "eq" => $"({BirthStart} >= {lo} AND {BirthEnd} <= {hi})",
        "ne" => $"NOT ({BirthStart} >= {lo} AND {BirthEnd} <= {hi})",
        "gt" => $"{BirthEnd} > {hi}",
        "lt" => $"{BirthStart} < {lo}",
        "ge" => $"({BirthEnd} > {hi} OR ({BirthStart} >= {lo} AND {BirthEnd} <= {hi}))",
        "le" => $"({BirthStart} < {lo} OR ({BirthStart} >= {lo} AND {BirthEnd} <= {hi}))",
        "sa" => $"{BirthStart} >= {hi}",
        "eb" => $"{BirthEnd} <= {lo}",
        _ => throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "Unknown date prefix."),
    };

    private static async Task<List<Versioned<PatientDemographics>>> ReadPatientsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<Versioned<PatientDemographics>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var patient = new PatientDemographics(new PatientId(reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetFieldValue<DateOnly>(4), reader.GetString(5));
            rows.Add(new Versioned<PatientDemographics>(patient, reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }
}
