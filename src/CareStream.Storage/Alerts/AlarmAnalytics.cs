using CareStream.Domain;
using CareStream.Domain.Alerts;
using Npgsql;

namespace CareStream.Storage.Alerts;

/// <summary>
/// Alarm-fatigue analytics over <c>alarm_episode</c> (issue 5, part 5): per ward, bed and rule, the episodes raised in
/// [from, to), alarms per bed per day, time to acknowledge (median, p90) and the share that resolved by themselves within
/// a window. One SQL aggregate; the (ward_id, raised_at) index bounds the scan.
/// </summary>
public sealed class AlarmAnalytics(NpgsqlDataSource dataSource)
{
    private const string Sql = """
        SELECT ward_id, bed_id, rule_id, count(*) AS alarms, count(acknowledged_at) AS acknowledged,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - raised_at))
                   FILTER (WHERE acknowledged_at IS NOT NULL) AS median_ack,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - raised_at))
                   FILTER (WHERE acknowledged_at IS NOT NULL) AS p90_ack,
               count(*) FILTER (WHERE status = @resolved AND acknowledged_at IS NULL
                                  AND resolved_at - raised_at <= @within) AS self_resolved
        FROM alarm_episode
        WHERE raised_at >= @from AND raised_at < @to AND (@ward::text IS NULL OR ward_id = @ward)
        GROUP BY ward_id, bed_id, rule_id
        ORDER BY ward_id, bed_id, rule_id
        """;

    /// <summary>The figures for <paramref name="ward"/> (null: every ward) over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <param name="ward">The ward the patient lay in (as stored with the episode's newest event that named one).</param>
    /// <param name="from">Start of the period (raise time, inclusive).</param>
    /// <param name="to">End of the period (exclusive); after <paramref name="from"/>.</param>
    /// <param name="selfResolvedWithin">Self-resolution window after the raise.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<AlarmAnalyticsRow>> QueryAsync(
        WardId? ward, DateTimeOffset from, DateTimeOffset to, TimeSpan selfResolvedWithin, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        ArgumentOutOfRangeException.ThrowIfLessThan(selfResolvedWithin, TimeSpan.Zero);
        var days = (to - from).TotalDays;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("ward", NpgsqlTypes.NpgsqlDbType.Text, (object?)ward?.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("within", selfResolvedWithin);
        command.Parameters.AddWithValue("resolved", (short)AlarmStatus.Resolved);
        var rows = new List<AlarmAnalyticsRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var alarms = reader.GetInt64(3);
            var selfResolved = reader.GetInt64(7);
            rows.Add(new AlarmAnalyticsRow(
                reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                alarms, alarms / days, reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6),
                selfResolved, (double)selfResolved / alarms));
        }

        return rows;
    }
}
