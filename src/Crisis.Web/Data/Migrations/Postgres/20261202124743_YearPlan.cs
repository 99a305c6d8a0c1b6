using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Crisis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class YearPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "yearplan_activities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TeamCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ContactPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Goal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Audience = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Quarters = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CostAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    CostNote = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    RequirementFunction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RequirementCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_yearplan_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_yearplan_activities_people_ContactPersonId",
                        column: x => x.ContactPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_yearplan_activities_teams_TeamCode",
                        column: x => x.TeamCode,
                        principalTable: "teams",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "yearplan_sessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_yearplan_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_yearplan_sessions_yearplan_activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "yearplan_activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "yearplan_session_attendees",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_yearplan_session_attendees", x => new { x.SessionId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_yearplan_session_attendees_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_yearplan_session_attendees_yearplan_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "yearplan_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_yearplan_activities_ContactPersonId",
                table: "yearplan_activities",
                column: "ContactPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_yearplan_activities_TeamCode",
                table: "yearplan_activities",
                column: "TeamCode");

            migrationBuilder.CreateIndex(
                name: "IX_yearplan_activities_Year_Code",
                table: "yearplan_activities",
                columns: new[] { "Year", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_yearplan_session_attendees_PersonId",
                table: "yearplan_session_attendees",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_yearplan_sessions_ActivityId",
                table: "yearplan_sessions",
                column: "ActivityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "yearplan_session_attendees");

            migrationBuilder.DropTable(
                name: "yearplan_sessions");

            migrationBuilder.DropTable(
                name: "yearplan_activities");
        }
    }
}
