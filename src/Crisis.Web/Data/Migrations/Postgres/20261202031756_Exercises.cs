using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Crisis.Web.Data.Migrations.Postgres
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressedToTeam",
                table: "log_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InjectId",
                table: "log_entries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "exercises",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScenarioId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ScenarioSource = table.Column<string>(type: "text", nullable: false),
                    Run = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NextDueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    AwaitingWork = table.Column<bool>(type: "boolean", nullable: false),
                    PausedForRealIncident = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Objective = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Seq = table.Column<int>(type: "integer", nullable: true),
                    Rating = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    At = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    ExerciseTimeMs = table.Column<long>(type: "bigint", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
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
