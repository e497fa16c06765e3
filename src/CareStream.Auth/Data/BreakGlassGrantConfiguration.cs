using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Auth.Data;

internal sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> builder)
    {
        builder.ToTable("break_glass_grant");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(g => g.Subject).HasColumnName("subject").HasMaxLength(64);
        builder.Property(g => g.PatientId).HasColumnName("patient_id").HasMaxLength(64);
        builder.Property(g => g.Reason).HasColumnName("reason").HasMaxLength(1000);
        builder.Property(g => g.GrantedAt).HasColumnName("granted_at");
        builder.Property(g => g.ExpiresAt).HasColumnName("expires_at");
        builder.HasIndex(g => new { g.Subject, g.ExpiresAt });
    }
}
