using CareStream.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Configurations;

internal sealed class UnassociatedReadingConfiguration : IEntityTypeConfiguration<UnassociatedReading>
{
    public void Configure(EntityTypeBuilder<UnassociatedReading> builder)
    {
        // No foreign key to device: a device nobody registered is exactly what may end up here.
        builder.ToTable("unassociated_reading");
        builder.HasKey(r => new { r.ObservationId, r.Kind });
        builder.Property(r => r.ObservationId).HasMaxLength(16);
        builder.Property(r => r.DeviceId).HasMaxLength(64);
        builder.Property(r => r.WardId).HasMaxLength(64);
        builder.Property(r => r.BedId).HasMaxLength(64);

        // Re-attribution and review look a device's readings up by time.
        builder.HasIndex(r => new { r.DeviceId, r.EffectiveAt });
    }
}
