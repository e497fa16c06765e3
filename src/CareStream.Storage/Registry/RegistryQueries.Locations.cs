using System.Globalization;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Registry;
using Npgsql;

namespace CareStream.Storage.Registry;

/// <summary>Ward/bed Location and Device reads with versions, and their searches (keyset-paged).</summary>
public sealed partial class RegistryQueries
{
    // kind 0 = ward, 1 = bed; a bed's version and change time are its own row's (its rendering does not carry the ward's name).
    private const string LocationSource = """
        (SELECT 0 AS kind, w.ward_id, w.name AS ward_name, NULL::text AS bed_id, NULL::text AS label, w.xmin::text AS version,
                w.updated_at, w.name AS location_name, w.ward_id AS sort_id FROM ward w
         UNION ALL
         SELECT 1, b.ward_id, w.name, b.bed_id, b.label, b.xmin::text, b.updated_at, b.label, b.bed_id FROM bed b JOIN ward w ON w.ward_id = b.ward_id) l
        """;

    // The device row never changes, but every assignment change inserts a row: 1 + their number counts versions.
    private const string DeviceSelect = """
        SELECT d.device_id, a.ward_id, a.bed_id, a.patient_id, a.valid_from, 1 + h.changes, h.last_change
        FROM device d
        LEFT JOIN device_assignment a ON a.device_id = d.device_id AND a.valid_to IS NULL
        CROSS JOIN LATERAL (SELECT count(*) AS changes, max(greatest(x.valid_from, x.valid_to)) AS last_change
                            FROM device_assignment x WHERE x.device_id = d.device_id) h
        """;

    public Task<Versioned<RegistryLocation>?> GetWardLocationAsync(WardId ward, CancellationToken cancellationToken, PatientAccess? access = null) =>
        GetLocationAsync(0, ward.Value, access ?? PatientAccess.Unrestricted, cancellationToken);

    public Task<Versioned<RegistryLocation>?> GetBedLocationAsync(BedId bed, CancellationToken cancellationToken, PatientAccess? access = null) =>
        GetLocationAsync(1, bed.Value, access ?? PatientAccess.Unrestricted, cancellationToken);

    private async Task<Versioned<RegistryLocation>?> GetLocationAsync(int kind, string id, PatientAccess access, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT kind, ward_id, ward_name, bed_id, label, version, updated_at FROM {LocationSource} WHERE kind = @kind AND sort_id = @id"
            + $" AND {access.WardPredicate("ward_id")}");
        access.AddParameters(command);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("id", id);
        var rows = await ReadLocationsAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<RegistryPage<Versioned<RegistryLocation>>> SearchLocationsAsync(LocationSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.PageSize, 1);
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT kind, ward_id, ward_name, bed_id, label, version, updated_at FROM {LocationSource} WHERE ")
            .Append(search.Access.WardPredicate("ward_id"));
        search.Access.AddParameters(command);
        if (search.PartOf is { } ward)
        {
            sql.Append(" AND kind = 1 AND ward_id = @part_of");
            command.Parameters.AddWithValue("part_of", ward.Value);
        }

        var where = new List<string> { "TRUE" };
        AddWordTerms(where, command, "n", NameFolding.SqlWords("location_name"), search.Names);
        if (search.Names.Count > 0)
        {
            command.Parameters.AddWithValue("fold_from", NameFolding.From);
            command.Parameters.AddWithValue("fold_to", NameFolding.To);
        }

        sql.Append(" AND ").Append(string.Join(" AND ", where));
        if (search.After is { } after)
        {
            sql.Append(" AND (kind, sort_id) > (@after_kind, @after_id)");
            command.Parameters.AddWithValue("after_kind", after.Bed is null ? 0 : 1);
            command.Parameters.AddWithValue("after_id", after.Bed?.Value ?? after.Ward.Value);
        }

        sql.Append(" ORDER BY kind, sort_id LIMIT @limit");
        command.Parameters.AddWithValue("limit", search.PageSize + 1);
        command.CommandText = sql.ToString();
        var rows = await ReadLocationsAsync(command, cancellationToken);
        var more = rows.Count > search.PageSize;
        return new RegistryPage<Versioned<RegistryLocation>>(more ? rows[..search.PageSize] : rows, more);
    }

    public async Task<Versioned<RegistryDevice>?> GetDeviceAsync(DeviceId device, CancellationToken cancellationToken, PatientAccess? access = null)
    {
        var page = await SearchDevicesAsync(
            new DeviceSearch { Devices = [device], PageSize = 1, Access = access ?? PatientAccess.Unrestricted }, cancellationToken);
        return page.Items.Count == 0 ? null : page.Items[0];
    }

    public async Task<RegistryPage<Versioned<RegistryDevice>>> SearchDevicesAsync(DeviceSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.PageSize, 1);
        await using var command = dataSource.CreateCommand();
        // A ward-bound caller sees the devices currently at a bed of their wards.
        var sql = new StringBuilder(DeviceSelect).Append(" WHERE ").Append(search.Access.WardPredicate("a.ward_id"));
        search.Access.AddParameters(command);
        if (search.Devices.Count > 0)
        {
            sql.Append(" AND d.device_id = ANY(@devices)");
            command.Parameters.AddWithValue("devices", search.Devices.Select(d => d.Value).ToArray());
        }

        if (search.Bed is { } bed)
        {
            sql.Append(" AND a.bed_id = @bed");
            command.Parameters.AddWithValue("bed", bed.Value);
        }

        if (search.After is { } after)
        {
            sql.Append(" AND d.device_id > @after");
            command.Parameters.AddWithValue("after", after.Value);
        }

        sql.Append(" ORDER BY d.device_id LIMIT @limit");
        command.Parameters.AddWithValue("limit", search.PageSize + 1);
        command.CommandText = sql.ToString();
        var rows = new List<Versioned<RegistryDevice>>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = new DeviceId(reader.GetString(0));
                var current = reader.IsDBNull(2) ? null : new DeviceAssignment(id, new WardId(reader.GetString(1)), new BedId(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : new PatientId(reader.GetString(3)), reader.GetFieldValue<DateTimeOffset>(4));
                rows.Add(new Versioned<RegistryDevice>(new RegistryDevice(id, current),
                    reader.GetInt64(5).ToString(CultureInfo.InvariantCulture), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
            }
        }

        var more = rows.Count > search.PageSize;
        return new RegistryPage<Versioned<RegistryDevice>>(more ? rows[..search.PageSize] : rows, more);
    }

    private static async Task<List<Versioned<RegistryLocation>>> ReadLocationsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<Versioned<RegistryLocation>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var bed = reader.GetInt32(0) == 1;
            rows.Add(new Versioned<RegistryLocation>(new RegistryLocation(new WardId(reader.GetString(1)), reader.GetString(2),
                bed ? new BedId(reader.GetString(3)) : null, bed ? reader.GetString(4) : null), reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return rows;
    }
}
