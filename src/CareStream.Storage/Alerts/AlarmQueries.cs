using System.Globalization;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using Npgsql;

namespace CareStream.Storage.Alerts;

/// <summary>Reads of the current alarm state (<c>alarm_episode</c>): one episode, or keyset-paged searches.</summary>
public sealed class AlarmQueries(NpgsqlDataSource dataSource)
{
    private const string Select = """
        SELECT episode_id, rule_id, rule_version, patient_id, category, priority, condition, latching, status,
               condition_started_at, raised_at, condition_active, escalation_level, last_announced_at, acknowledged_at,
               acknowledged_by, audio_paused_until, resolved_at, ward_id, bed_id, evidence_observation_ids, last_event_kind, updated_at
        FROM alarm_episode
        """;

    /// <summary>The episode with id <paramref name="episodeId"/>, or null.</summary>
    public async Task<StoredAlarm?> GetAsync(string episodeId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(episodeId);
        await using var command = dataSource.CreateCommand(Select + " WHERE episode_id = @id");
        command.Parameters.AddWithValue("id", episodeId);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>One page of episodes matching <paramref name="search"/>.</summary>
    /// <exception cref="FormatException">The cursor is not one of this store.</exception>
    public async Task<AlarmPage> SearchAsync(AlarmSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.PageSize, 1);
        var (cmp, dir) = search.NewestFirst ? ("<", "DESC") : (">", "ASC");
        var sql = new StringBuilder(Select).Append(" WHERE ").Append(search.Access.PatientPredicate("alarm_episode.patient_id"));
        await using var command = dataSource.CreateCommand();
        search.Access.AddParameters(command);
        if (search.Patient is { } patient)
        {
            sql.Append(" AND patient_id = @patient");
            command.Parameters.AddWithValue("patient", patient.Value);
        }

        if (search.Open is { } open)
        {
            sql.Append(open ? " AND status <> @resolved" : " AND status = @resolved");
            command.Parameters.AddWithValue("resolved", (short)AlarmStatus.Resolved);
        }

        if (search.From is { } from)
        {
            sql.Append(" AND (resolved_at IS NULL OR resolved_at >= @from)");
            command.Parameters.AddWithValue("from", from.ToUniversalTime());
        }

        if (search.To is { } to)
        {
            sql.Append(" AND raised_at < @to");
            command.Parameters.AddWithValue("to", to.ToUniversalTime());
        }

        if (search.Cursor is { } text)
        {
            var (raisedAt, episodeId) = ParseCursor(text);
            sql.Append(CultureInfo.InvariantCulture, $" AND (raised_at, episode_id) {cmp} (@c_raised, @c_episode)");
            command.Parameters.AddWithValue("c_raised", raisedAt);
            command.Parameters.AddWithValue("c_episode", episodeId);
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY raised_at {dir}, episode_id {dir} LIMIT @limit");
        command.Parameters.AddWithValue("limit", search.PageSize + 1);
        command.CommandText = sql.ToString();
        var rows = await ReadAsync(command, cancellationToken);
        if (rows.Count <= search.PageSize)
        {
            return new AlarmPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new AlarmPage(rows, CursorAfter(rows[^1].Episode));
    }

    /// <summary>True when <paramref name="cursor"/> is a cursor this store issued.</summary>
    public static bool IsValidCursor(string cursor)
    {
        try
        {
            ParseCursor(cursor);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string CursorAfter(AlarmEpisode episode) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            episode.RaisedAt.ToUniversalTime().UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + episode.EpisodeId))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTimeOffset RaisedAt, string EpisodeId) ParseCursor(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException ex)
        {
            throw new FormatException("Not an alarm page cursor.", ex);
        }

        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && bar < text.Length - 1
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), text[(bar + 1)..])
            : throw new FormatException("Not an alarm page cursor.");
    }

    private static async Task<List<StoredAlarm>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredAlarm>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
            var episode = new AlarmEpisode(
                reader.GetString(0), reader.GetString(1), reader.GetInt32(2), new PatientId(reader.GetString(3)),
                (AlarmCategory)reader.GetInt16(4), (AlarmPriority)reader.GetInt16(5), reader.GetString(6), reader.GetBoolean(7),
                (AlarmStatus)reader.GetInt16(8), reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetBoolean(11), reader.GetInt32(12), reader.GetFieldValue<DateTimeOffset>(13), At(14),
                reader.IsDBNull(15) ? null : reader.GetString(15), At(16), At(17));
            rows.Add(new StoredAlarm(
                episode,
                reader.IsDBNull(18) ? null : new WardId(reader.GetString(18)),
                reader.IsDBNull(19) ? null : new BedId(reader.GetString(19)),
                reader.IsDBNull(20) ? [] : reader.GetFieldValue<string[]>(20),
                reader.GetString(21),
                reader.GetFieldValue<DateTimeOffset>(22)));
        }

        return rows;
    }
}
