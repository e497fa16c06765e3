using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Auth.Data;

internal sealed class AuthUserConfiguration : IEntityTypeConfiguration<AuthUser>
{
    public void Configure(EntityTypeBuilder<AuthUser> builder)
    {
        builder.ToTable("user");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasColumnName("id").HasMaxLength(64);
        builder.Property(u => u.UserName).HasColumnName("user_name").HasMaxLength(64);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.DisplayName).HasColumnName("display_name").HasMaxLength(128);
        builder.Property(u => u.PasswordHash).HasColumnName("password_hash").HasMaxLength(256);
        builder.Property(u => u.Role).HasColumnName("role").HasMaxLength(32);
        builder.Property(u => u.WardIds).HasColumnName("ward_ids");
        builder.Property(u => u.Enabled).HasColumnName("enabled");
    }
}
