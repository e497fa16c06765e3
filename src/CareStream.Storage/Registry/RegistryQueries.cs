using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareStream.Storage.Registry;

/// <summary>Registry reads (EF Core, no tracking; FHIR searches in raw SQL: RegistryQueries.*.cs).</summary>
public sealed partial class RegistryQueries(IDbContextFactory<CareStreamDbContext> contexts, NpgsqlDataSource dataSource)
{
    public async Task<PatientDemographics?> GetPatientAsync(PatientId patient, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.PatientId == patient.Value, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    /// <summary>Patients ordered by id, keyset-paged: pass the last id of the previous page as <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<PatientDemographics>> ListPatientsAsync(PatientId? after, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Patients.AsNoTracking();
        if (after is { } last)
        {
#pragma warning disable CA1309 // translated to SQL `>`; the cluster's C collation already compares ordinally
            query = query.Where(p => string.Compare(p.PatientId, last.Value) > 0);
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(p => p.PatientId).Take(pageSize).ToListAsync(cancellationToken);
        return rows.ConvertAll(ToDomain);
    }

    public async Task<IReadOnlyList<BedLocation>> BedsOfWardAsync(WardId ward, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Beds.AsNoTracking()
            .Where(b => b.WardId == ward.Value)
            .Join(db.Wards, b => b.WardId, w => w.WardId, (b, w) => new { b.BedId, b.Label, w.WardId, w.Name })
            .OrderBy(b => b.BedId)
            .Select(b => new BedLocation(new WardId(b.WardId), b.Name, new BedId(b.BedId), b.Label))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The device's open assignment, or null when it is not at any bed.</summary>
    public Task<DeviceAssignment?> CurrentAssignmentOfDeviceAsync(DeviceId device, CancellationToken cancellationToken) =>
        AssignmentOfDeviceAsync(device, at: null, cancellationToken);

    /// <summary>The assignment in force at <paramref name="at"/> (valid_from &lt;= at &lt; valid_to).</summary>
    public async Task<DeviceAssignment?> AssignmentOfDeviceAsync(DeviceId device, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DeviceAssignments.AsNoTracking().Where(a => a.DeviceId == device.Value);
        if (at is { } instant)
        {
            var utc = instant.ToUniversalTime();
            query = query.Where(a => a.ValidFrom <= utc && (a.ValidTo == null || a.ValidTo > utc));
        }
        else
        {
            query = query.Where(a => a.ValidTo == null);
        }

        var row = await query.OrderByDescending(a => a.ValidFrom).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    /// <summary>Devices currently at the bed, with the patient they are associated with.</summary>
    public async Task<IReadOnlyList<DeviceAssignment>> CurrentAssignmentsOfBedAsync(BedId bed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DeviceAssignments.AsNoTracking()
            .Where(a => a.BedId == bed.Value && a.ValidTo == null)
            .OrderBy(a => a.DeviceId)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToDomain);
    }

    /// <summary>The patient currently occupying the bed, or null.</summary>
    public async Task<PatientId?> CurrentPatientOfBedAsync(BedId bed, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = await db.PatientBedAssignments.AsNoTracking()
            .Where(a => a.BedId == bed.Value && a.ValidTo == null)
            .OrderByDescending(a => a.ValidFrom)
            .Select(a => a.PatientId)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : new PatientId(id);
    }

    private static PatientDemographics ToDomain(Patient p) =>
        new(new PatientId(p.PatientId), p.MedicalRecordNumber, p.FamilyName, p.GivenName, p.BirthDate, p.Gender);

    private static DeviceAssignment ToDomain(DeviceBedAssignment a) =>
        new(new DeviceId(a.DeviceId), new WardId(a.WardId), new BedId(a.BedId), a.PatientId is null ? null : new PatientId(a.PatientId), a.ValidFrom);
}
