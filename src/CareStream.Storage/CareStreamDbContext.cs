using System.Text;
using CareStream.Storage.Entities;
using CareStream.Storage.Scores;
using Microsoft.EntityFrameworkCore;

namespace CareStream.Storage;

/// <summary>
/// The registry schema (EF Core owns it and the migrations). Observation rows live in a partitioned table created by
/// raw SQL in the migrations and are written and read through Npgsql directly.
/// </summary>
public sealed class CareStreamDbContext(DbContextOptions<CareStreamDbContext> options) : DbContext(options)
{
    public DbSet<Ward> Wards => Set<Ward>();

    public DbSet<Bed> Beds => Set<Bed>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceBedAssignment> DeviceAssignments => Set<DeviceBedAssignment>();

    public DbSet<PatientBedAssignment> PatientBedAssignments => Set<PatientBedAssignment>();

    public DbSet<PatientKey> PatientKeys => Set<PatientKey>();

    public DbSet<ObservationSource> ObservationSources => Set<ObservationSource>();

    public DbSet<UnassociatedReading> UnassociatedReadings => Set<UnassociatedReading>();

    public DbSet<News2ScoreEntity> News2Scores => Set<News2ScoreEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CareStreamDbContext).Assembly);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.FindAnnotation("Relational:ColumnName") is null)
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
