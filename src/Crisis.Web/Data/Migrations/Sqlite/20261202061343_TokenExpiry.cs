using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crisis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TokenExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ExpiresAt",
                table: "api_tokens",
                type: "INTEGER",
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
