using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStream.Storage.Migrations
{
    /// <inheritdoc />
    public partial class AlertStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alarm_episode",
                columns: table => new
                {
                    episode_id = table.Column<string>(type: "text", nullable: false),
                    last_event_id = table.Column<string>(type: "text", nullable: false),
                    last_event_kind = table.Column<string>(type: "text", nullable: false),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kafka_partition = table.Column<int>(type: "integer", nullable: false),
                    kafka_offset = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    patient_id = table.Column<string>(type: "text", nullable: false),
                    ward_id = table.Column<string>(type: "text", nullable: true),
                    bed_id = table.Column<string>(type: "text", nullable: true),
                    rule_id = table.Column<string>(type: "text", nullable: false),
                    rule_version = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<short>(type: "smallint", nullable: false),
                    priority = table.Column<short>(type: "smallint", nullable: false),
                    condition = table.Column<string>(type: "text", nullable: false),
                    latching = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    condition_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    condition_active = table.Column<bool>(type: "boolean", nullable: false),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    last_announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "text", nullable: true),
                    audio_paused_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evidence_observation_ids = table.Column<string[]>(type: "text[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarm_episode", x => x.episode_id);
                });

            migrationBuilder.CreateTable(
                name: "alarm_event",
                columns: table => new
                {
                    event_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kafka_partition = table.Column<int>(type: "integer", nullable: false),
                    kafka_offset = table.Column<long>(type: "bigint", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    episode_id = table.Column<string>(type: "text", nullable: false),
                    patient_id = table.Column<string>(type: "text", nullable: false),
                    ward_id = table.Column<string>(type: "text", nullable: true),
                    bed_id = table.Column<string>(type: "text", nullable: true),
                    rule_id = table.Column<string>(type: "text", nullable: false),
                    rule_version = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<short>(type: "smallint", nullable: false),
                    priority = table.Column<short>(type: "smallint", nullable: false),
                    condition = table.Column<string>(type: "text", nullable: false),
                    latching = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    condition_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    condition_active = table.Column<bool>(type: "boolean", nullable: false),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    last_announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "text", nullable: true),
                    audio_paused_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evidence_observation_ids = table.Column<string[]>(type: "text[]", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarm_event", x => x.event_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alarm_episode_patient_id_raised_at_episode_id",
                table: "alarm_episode",
                columns: new[] { "patient_id", "raised_at", "episode_id" });

            migrationBuilder.CreateIndex(
                name: "IX_alarm_episode_ward_id_raised_at",
                table: "alarm_episode",
                columns: new[] { "ward_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "IX_alarm_event_episode_id_occurred_at",
                table: "alarm_event",
                columns: new[] { "episode_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "IX_alarm_event_ward_id_occurred_at",
                table: "alarm_event",
                columns: new[] { "ward_id", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarm_episode");

            migrationBuilder.DropTable(
                name: "alarm_event");
        }
    }
}
