using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crisis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Paspoort : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "paspoort_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Function = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RequirementCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VoidsRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paspoort_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_paspoort_records_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "paspoort_requirements",
                columns: table => new
                {
                    Function = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ValidForMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    MinimumCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paspoort_requirements", x => new { x.Function, x.Code });
                    table.ForeignKey(
                        name: "FK_paspoort_requirements_functions_Function",
                        column: x => x.Function,
                        principalTable: "functions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_paspoort_records_IncidentId",
                table: "paspoort_records",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_paspoort_records_PersonId",
                table: "paspoort_records",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_paspoort_records_VoidsRecordId",
                table: "paspoort_records",
                column: "VoidsRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_paspoort_requirements_Code",
                table: "paspoort_requirements",
                column: "Code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paspoort_records");

            migrationBuilder.DropTable(
                name: "paspoort_requirements");
        }
    }
}
