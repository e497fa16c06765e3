using CareStream.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Configurations;

internal sealed class PatientBedAssignmentConfiguration : IEntityTypeConfiguration<PatientBedAssignment>
{
    public void Configure(EntityTypeBuilder<PatientBedAssignment> builder)
    {
        builder.ToTable("patient_bed_assignment");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.HasOne<Bed>().WithMany().HasForeignKey(a => a.BedId);
        builder.HasIndex(a => new { a.PatientId, a.ValidFrom }).IsUnique();
        builder.HasIndex(a => a.PatientId).IsUnique().HasFilter("valid_to IS NULL").HasDatabaseName("ix_patient_bed_assignment_open");
        builder.HasIndex(a => new { a.BedId, a.ValidFrom });
    }
}
