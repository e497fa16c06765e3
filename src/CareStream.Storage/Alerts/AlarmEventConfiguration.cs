using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Alerts;

internal sealed class AlarmEventConfiguration : IEntityTypeConfiguration<AlarmEventEntity>
{
    public void Configure(EntityTypeBuilder<AlarmEventEntity> builder)
    {
        builder.ToTable("alarm_event");
        builder.HasKey(e => e.EventId);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.Property(e => e.RecordedAt).HasDefaultValueSql("now()");
        builder.HasIndex(e => new { e.EpisodeId, e.OccurredAt });

        // Analytics scan a ward's events by time.
        builder.HasIndex(e => new { e.WardId, e.OccurredAt });
    }
}
