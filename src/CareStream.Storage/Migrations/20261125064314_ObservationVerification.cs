using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareStream.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ObservationVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Verification versions (not an EF entity: written with the narrow rows' status in one transaction).
            migrationBuilder.Sql(CareStream.Storage.Observations.ObservationVersionSchema.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CareStream.Storage.Observations.ObservationVersionSchema.Drop);
        }
    }
}
