using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crisis.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Exercises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddressedToFunction",
                table: "log_entries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressedToTeam",
                table: "log_entries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InjectId",
                table: "log_entries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "exercises",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScenarioId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ScenarioSource = table.Column<string>(type: "TEXT", nullable: false),
                    Run = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NextDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AwaitingWork = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedForRealIncident = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exercises", x => x.IncidentId);
                    table.ForeignKey(
                        name: "FK_exercises_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_observations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Seq = table.Column<int>(type: "INTEGER", nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ExerciseTimeMs = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exercise_observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exercise_observations_exercises_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "exercises",
                        principalColumn: "IncidentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_staff",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exercise_staff", x => new { x.IncidentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_exercise_staff_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exercise_staff_exercises_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "exercises",
                        principalColumn: "IncidentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_log_entries_IncidentId_InjectId",
                table: "log_entries",
                columns: new[] { "IncidentId", "InjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exercise_observations_IncidentId_At",
                table: "exercise_observations",
                columns: new[] { "IncidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_exercise_staff_UserId",
                table: "exercise_staff",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_exercises_AwaitingWork",
                table: "exercises",
                column: "AwaitingWork");

            migrationBuilder.CreateIndex(
                name: "IX_exercises_NextDueAt",
                table: "exercises",
                column: "NextDueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exercise_observations");

            migrationBuilder.DropTable(
                name: "exercise_staff");

            migrationBuilder.DropTable(
                name: "exercises");

            migrationBuilder.DropIndex(
                name: "IX_log_entries_IncidentId_InjectId",
                table: "log_entries");

            migrationBuilder.DropColumn(
                name: "AddressedToFunction",
                table: "log_entries");

            migrationBuilder.DropColumn(
                name: "AddressedToTeam",
                table: "log_entries");

            migrationBuilder.DropColumn(
                name: "InjectId",
                table: "log_entries");
        }
    }
}
