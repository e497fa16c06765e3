using CareStream.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Configurations;

internal sealed class PatientKeyConfiguration : IEntityTypeConfiguration<PatientKey>
{
    public void Configure(EntityTypeBuilder<PatientKey> builder)
    {
        builder.ToTable("patient_key");
        builder.HasKey(k => k.Key);
        builder.Property(k => k.Key).HasColumnName("patient_key").UseIdentityAlwaysColumn();
        builder.HasIndex(k => k.PatientId).IsUnique();
    }
}
