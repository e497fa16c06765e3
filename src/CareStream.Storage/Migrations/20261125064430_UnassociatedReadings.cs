using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStream.Storage.Migrations
{
    /// <inheritdoc />
    public partial class UnassociatedReadings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unassociated_reading",
                columns: table => new
                {
                    observation_id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    device_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    mdc_code = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    effective_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    ward_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    bed_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unassociated_reading", x => new { x.observation_id, x.kind });
                });

            migrationBuilder.CreateIndex(
                name: "IX_unassociated_reading_device_id_effective_at",
                table: "unassociated_reading",
                columns: new[] { "device_id", "effective_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unassociated_reading");
        }
    }
}
