using CareStream.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Configurations;

internal sealed class DeviceBedAssignmentConfiguration : IEntityTypeConfiguration<DeviceBedAssignment>
{
    public void Configure(EntityTypeBuilder<DeviceBedAssignment> builder)
    {
        builder.ToTable("device_assignment");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).UseIdentityAlwaysColumn();
        builder.HasOne<Device>().WithMany().HasForeignKey(a => a.DeviceId);
        builder.HasOne<Bed>().WithMany().HasForeignKey(a => a.BedId);

        // Redelivery of the same assignment is a no-op; at most one open interval per device.
        builder.HasIndex(a => new { a.DeviceId, a.ValidFrom }).IsUnique();
        builder.HasIndex(a => a.DeviceId).IsUnique().HasFilter("valid_to IS NULL").HasDatabaseName("ix_device_assignment_open");
        builder.HasIndex(a => new { a.BedId, a.ValidFrom });
    }
}
