using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Notifications;

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDeliveryEntity>
{
    public void Configure(EntityTypeBuilder<NotificationDeliveryEntity> builder)
    {
        builder.ToTable("notification_delivery");
        builder.HasKey(d => new { d.SubscriptionId, d.EventId });
        builder.Property(d => d.Status).HasConversion<short>();
        builder.Property(d => d.LastError).HasMaxLength(256);
        builder.Property(d => d.TechnicalEpisodeId).HasMaxLength(64);
        builder.Property(d => d.CreatedAt).HasDefaultValueSql("now()");

        // Audit questions: what was sent about this patient / this episode, and what is still failing.
        builder.HasIndex(d => new { d.PatientId, d.CreatedAt });
        builder.HasIndex(d => d.EpisodeId);
        builder.HasIndex(d => new { d.Status, d.CreatedAt });
    }
}
