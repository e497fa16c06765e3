using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Alerts;

internal sealed class AlarmEpisodeConfiguration : IEntityTypeConfiguration<AlarmEpisodeEntity>
{
    public void Configure(EntityTypeBuilder<AlarmEpisodeEntity> builder)
    {
        builder.ToTable("alarm_episode");
        builder.HasKey(e => e.EpisodeId);
        builder.Property(e => e.UpdatedAt).HasDefaultValueSql("now()");

        // FHIR Flag search: per patient, newest first; keyset tie-break on the episode id.
        builder.HasIndex(e => new { e.PatientId, e.RaisedAt, e.EpisodeId });
        builder.HasIndex(e => new { e.WardId, e.RaisedAt });
    }
}
