using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Crisis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TokenExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Instant>(
                name: "ExpiresAt",
                table: "api_tokens",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "api_tokens");
        }
    }
}
