using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crisis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Leerprikkelaar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leerprikkels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    SendOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReminderAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingActivity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequirementFunction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RequirementCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leerprikkels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "leerprikkel_deliveries",
                columns: table => new
                {
                    LeerprikkelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Functions = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Mail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderMail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leerprikkel_deliveries", x => new { x.LeerprikkelId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_leerprikkel_deliveries_leerprikkels_LeerprikkelId",
                        column: x => x.LeerprikkelId,
                        principalTable: "leerprikkels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_leerprikkel_deliveries_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leerprikkel_deliveries_PersonId",
                table: "leerprikkel_deliveries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_leerprikkels_NextDueAt",
                table: "leerprikkels",
                column: "NextDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_leerprikkels_SendOn",
                table: "leerprikkels",
                column: "SendOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leerprikkel_deliveries");

            migrationBuilder.DropTable(
                name: "leerprikkels");
        }
    }
}
