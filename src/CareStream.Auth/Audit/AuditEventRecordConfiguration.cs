using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Auth.Audit;

internal sealed class AuditEventRecordConfiguration : IEntityTypeConfiguration<AuditEventRecord>
{
    public const string Table = "audit_event";

    public void Configure(EntityTypeBuilder<AuditEventRecord> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).HasColumnName("sequence").UseIdentityAlwaysColumn();
        builder.Property(e => e.Id).HasColumnName("id");
        builder.HasIndex(e => e.Id).IsUnique();
        builder.Property(e => e.Recorded).HasColumnName("recorded");
        builder.HasIndex(e => e.Recorded);
        builder.Property(e => e.Kind).HasColumnName("kind").HasMaxLength(32);
        builder.Property(e => e.Outcome).HasColumnName("outcome").HasMaxLength(2);
        builder.Property(e => e.AgentWho).HasColumnName("agent_who").HasMaxLength(128);
        builder.HasIndex(e => e.AgentWho);
        builder.Property(e => e.ClientId).HasColumnName("client_id").HasMaxLength(128);
        builder.Property(e => e.PatientId).HasColumnName("patient_id").HasMaxLength(64);
        builder.HasIndex(e => e.PatientId);
        builder.Property(e => e.TraceId).HasColumnName("trace_id").HasMaxLength(32);
        builder.Property(e => e.Resource).HasColumnName("resource").HasColumnType("jsonb");
    }
}
