using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStream.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RegistryUpdatedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing rows get the migration's time: later than their real last change, so a client's cached copy
            // is at worst re-fetched once, never wrongly kept (If-Modified-Since stays safe).
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "ward",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "patient",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "bed",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "ward");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "patient");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "bed");
        }
    }
}
