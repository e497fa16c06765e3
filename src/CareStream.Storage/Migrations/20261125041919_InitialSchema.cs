using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareStream.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The observation and trend tables are not EF entities: partitioned narrow rows written by COPY.
            migrationBuilder.Sql(CareStream.Storage.Observations.ObservationSchema.Create);

            migrationBuilder.CreateTable(
                name: "device",
                columns: table => new
                {
                    device_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device", x => x.device_id);
                });

            migrationBuilder.CreateTable(
                name: "observation_source",
                columns: table => new
                {
                    source_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    device_id = table.Column<string>(type: "text", nullable: false),
                    mdc_code = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observation_source", x => x.source_key);
                });

            migrationBuilder.CreateTable(
                name: "patient",
                columns: table => new
                {
                    patient_id = table.Column<string>(type: "text", nullable: false),
                    medical_record_number = table.Column<string>(type: "text", nullable: false),
                    family_name = table.Column<string>(type: "text", nullable: false),
                    given_name = table.Column<string>(type: "text", nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patient", x => x.patient_id);
                });

            migrationBuilder.CreateTable(
                name: "patient_key",
                columns: table => new
                {
                    patient_key = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    patient_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patient_key", x => x.patient_key);
                });

            migrationBuilder.CreateTable(
                name: "ward",
                columns: table => new
                {
                    ward_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ward", x => x.ward_id);
                });

            migrationBuilder.CreateTable(
                name: "bed",
                columns: table => new
                {
                    bed_id = table.Column<string>(type: "text", nullable: false),
                    ward_id = table.Column<string>(type: "text", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bed", x => x.bed_id);
                    table.ForeignKey(
                        name: "FK_bed_ward_ward_id",
                        column: x => x.ward_id,
                        principalTable: "ward",
                        principalColumn: "ward_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "device_assignment",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    device_id = table.Column<string>(type: "text", nullable: false),
                    ward_id = table.Column<string>(type: "text", nullable: false),
                    bed_id = table.Column<string>(type: "text", nullable: false),
                    patient_id = table.Column<string>(type: "text", nullable: true),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_assignment", x => x.id);
                    table.ForeignKey(
                        name: "FK_device_assignment_bed_bed_id",
                        column: x => x.bed_id,
                        principalTable: "bed",
                        principalColumn: "bed_id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_device_assignment_device_device_id",
                        column: x => x.device_id,
                        principalTable: "device",
                        principalColumn: "device_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patient_bed_assignment",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    patient_id = table.Column<string>(type: "text", nullable: false),
                    bed_id = table.Column<string>(type: "text", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patient_bed_assignment", x => x.id);
                    table.ForeignKey(
                        name: "FK_patient_bed_assignment_bed_bed_id",
                        column: x => x.bed_id,
                        principalTable: "bed",
                        principalColumn: "bed_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bed_ward_id",
                table: "bed",
                column: "ward_id");

            migrationBuilder.CreateIndex(
                name: "IX_device_assignment_bed_id_valid_from",
                table: "device_assignment",
                columns: new[] { "bed_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "IX_device_assignment_device_id_valid_from",
                table: "device_assignment",
                columns: new[] { "device_id", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_device_assignment_open",
                table: "device_assignment",
                column: "device_id",
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_observation_source_device_id_mdc_code",
                table: "observation_source",
                columns: new[] { "device_id", "mdc_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patient_medical_record_number",
                table: "patient",
                column: "medical_record_number");

            migrationBuilder.CreateIndex(
                name: "IX_patient_bed_assignment_bed_id_valid_from",
                table: "patient_bed_assignment",
                columns: new[] { "bed_id", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_patient_bed_assignment_open",
                table: "patient_bed_assignment",
                column: "patient_id",
                unique: true,
                filter: "valid_to IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_patient_bed_assignment_patient_id_valid_from",
                table: "patient_bed_assignment",
                columns: new[] { "patient_id", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patient_key_patient_id",
                table: "patient_key",
                column: "patient_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CareStream.Storage.Observations.ObservationSchema.Drop);

            migrationBuilder.DropTable(
                name: "device_assignment");

            migrationBuilder.DropTable(
                name: "observation_source");

            migrationBuilder.DropTable(
                name: "patient");

            migrationBuilder.DropTable(
                name: "patient_bed_assignment");

            migrationBuilder.DropTable(
                name: "patient_key");

            migrationBuilder.DropTable(
                name: "device");

            migrationBuilder.DropTable(
                name: "bed");

            migrationBuilder.DropTable(
                name: "ward");
        }
    }
}
