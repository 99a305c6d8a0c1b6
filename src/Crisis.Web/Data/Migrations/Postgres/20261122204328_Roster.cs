using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace Crisis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Roster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_subscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_subscriptions_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shift_swaps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ShiftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Function = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequesterId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedPersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequestedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shift_swaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shift_swaps_people_AskedPersonId",
                        column: x => x.AskedPersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_shift_swaps_people_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Function = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_shifts_functions_Function",
                        column: x => x.Function,
                        principalTable: "functions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_shifts_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "unavailability",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Start = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    End = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unavailability", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unavailability_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_subscriptions_PersonId",
                table: "calendar_subscriptions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_subscriptions_TokenHash",
                table: "calendar_subscriptions",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shift_swaps_AskedPersonId_Status",
                table: "shift_swaps",
                columns: new[] { "AskedPersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_shift_swaps_RequesterId_Status",
                table: "shift_swaps",
                columns: new[] { "RequesterId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_shift_swaps_ShiftId",
                table: "shift_swaps",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_shifts_End",
                table: "shifts",
                column: "End");

            migrationBuilder.CreateIndex(
                name: "IX_shifts_Function_Start",
                table: "shifts",
                columns: new[] { "Function", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_shifts_PersonId_Start",
                table: "shifts",
                columns: new[] { "PersonId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_unavailability_End",
                table: "unavailability",
                column: "End");

            migrationBuilder.CreateIndex(
                name: "IX_unavailability_PersonId_Start",
                table: "unavailability",
                columns: new[] { "PersonId", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_subscriptions");

            migrationBuilder.DropTable(
                name: "shift_swaps");

            migrationBuilder.DropTable(
                name: "shifts");

            migrationBuilder.DropTable(
                name: "unavailability");
        }
    }
}
