using CareStream.Domain;
using Npgsql;

namespace CareStream.Storage.Registry;

/// <summary>Who was in a ward when, from the registry's patient-bed assignments (what-if replay of a ward's history).</summary>
public sealed class WardStayQueries(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT a.patient_id, a.bed_id, greatest(a.valid_from, @from), least(coalesce(a.valid_to, @to), @to)
        FROM patient_bed_assignment a JOIN bed b ON b.bed_id = a.bed_id
        WHERE b.ward_id = @ward AND a.valid_from < @to AND (a.valid_to IS NULL OR a.valid_to > @from)
        ORDER BY a.patient_id, a.valid_from
        """;

    /// <summary>Every stay in <paramref name="ward"/> overlapping [<paramref name="from"/>, <paramref name="to"/>), clipped to it.</summary>
    public async Task<IReadOnlyList<WardStay>> StaysAsync(WardId ward, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("ward", ward.Value);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stays = new List<WardStay>();
        while (await reader.ReadAsync(cancellationToken))
        {
            stays.Add(new WardStay(
                new PatientId(reader.GetString(0)), new BedId(reader.GetString(1)),
                reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return stays;
    }
}
