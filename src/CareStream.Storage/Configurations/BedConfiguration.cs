using CareStream.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Configurations;

internal sealed class BedConfiguration : IEntityTypeConfiguration<Bed>
{
    public void Configure(EntityTypeBuilder<Bed> builder)
    {
        builder.ToTable("bed");
        builder.HasKey(b => b.BedId);
        builder.Property(b => b.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasOne<Ward>().WithMany().HasForeignKey(b => b.WardId);
        builder.HasIndex(b => b.WardId);
    }
}
