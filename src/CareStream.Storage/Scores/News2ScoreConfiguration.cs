using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareStream.Storage.Scores;

internal sealed class News2ScoreConfiguration : IEntityTypeConfiguration<News2ScoreEntity>
{
    public void Configure(EntityTypeBuilder<News2ScoreEntity> builder)
    {
        builder.ToTable("news2_score", t =>
        {
            t.HasCheckConstraint("ck_news2_score_range", "score IS NULL OR score BETWEEN 0 AND 20");
            t.HasCheckConstraint("ck_news2_score_scale", "scale IN (1, 2)");

            // Incomplete exactly when a parameter is missing: an incomplete score is never stored as a number.
            t.HasCheckConstraint("ck_news2_score_complete", "(score IS NULL) = (cardinality(missing) > 0)");
        });

        // The history read is by patient and time: the key is its index.
        builder.HasKey(e => new { e.Patient, e.ComputedAt });
        builder.Property(e => e.Patient).HasMaxLength(64);
        builder.Property(e => e.ResponseLevel).HasMaxLength(16);
        builder.Property(e => e.RecordedAt).HasDefaultValueSql("now()");
    }
}
