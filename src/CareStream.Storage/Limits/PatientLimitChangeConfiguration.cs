using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Limits;

internal sealed class PatientLimitChangeConfiguration : IEntityTypeConfiguration<PatientLimitChangeEntity>
{
    public void Configure(EntityTypeBuilder<PatientLimitChangeEntity> builder)
    {
        builder.ToTable("patient_limit_change");
        builder.HasKey(e => e.CommandId);
        builder.Property(e => e.PreviousOverrides).HasColumnType("jsonb");
        builder.Property(e => e.NewOverrides).HasColumnType("jsonb");
        builder.Property(e => e.RecordedAt).HasDefaultValueSql("now()");
        builder.HasIndex(e => new { e.PatientId, e.ChangedAt });
    }
}
