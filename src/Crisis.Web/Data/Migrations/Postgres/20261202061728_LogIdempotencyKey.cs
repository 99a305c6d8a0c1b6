using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crisis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LogIdempotencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "log_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // Injects written before the key existed keep being written once: their key is their scenario id.
            migrationBuilder.Sql("UPDATE log_entries SET \"IdempotencyKey\" = 'inject:' || \"InjectId\" WHERE \"InjectId\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_log_entries_IncidentId_IdempotencyKey",
                table: "log_entries",
                columns: new[] { "IncidentId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_log_entries_IncidentId_IdempotencyKey",
                table: "log_entries");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "log_entries");
        }
    }
}
