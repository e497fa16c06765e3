using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStream.Storage.Migrations
{
    /// <inheritdoc />
    public partial class News2ScoreHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "news2_score",
                columns: table => new
                {
                    patient = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    score = table.Column<short>(type: "smallint", nullable: true),
                    response_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    scale = table.Column<short>(type: "smallint", nullable: false),
                    missing = table.Column<string[]>(type: "text[]", nullable: false),
                    ward = table.Column<string>(type: "text", nullable: true),
                    bed = table.Column<string>(type: "text", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_news2_score", x => new { x.patient, x.computed_at });
                    table.CheckConstraint("ck_news2_score_complete", "(score IS NULL) = (cardinality(missing) > 0)");
                    table.CheckConstraint("ck_news2_score_range", "score IS NULL OR score BETWEEN 0 AND 20");
                    table.CheckConstraint("ck_news2_score_scale", "scale IN (1, 2)");
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "news2_score");
        }
    }
}
