using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Notifications;

internal sealed class NotificationSubscriptionConfiguration : IEntityTypeConfiguration<NotificationSubscriptionEntity>
{
    public void Configure(EntityTypeBuilder<NotificationSubscriptionEntity> builder)
    {
        builder.ToTable("notification_subscription");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Criteria).HasMaxLength(1024);
        builder.Property(s => s.Endpoint).HasMaxLength(2048);
        builder.Property(s => s.Secret).HasMaxLength(128);
        builder.Property(s => s.Error).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(1024);
        builder.Property(s => s.Status).HasConversion<short>();
    }
}
