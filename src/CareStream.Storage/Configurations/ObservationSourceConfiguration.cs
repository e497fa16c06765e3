using CareStream.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Configurations;

internal sealed class ObservationSourceConfiguration : IEntityTypeConfiguration<ObservationSource>
{
    public void Configure(EntityTypeBuilder<ObservationSource> builder)
    {
        builder.ToTable("observation_source");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasColumnName("source_key").UseIdentityAlwaysColumn();
        builder.HasIndex(s => new { s.DeviceId, s.MdcCode }).IsUnique();
    }
}
