using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crisis.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class YearPlanExerciseSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ExerciseId",
                table: "yearplan_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_yearplan_sessions_ExerciseId",
                table: "yearplan_sessions",
                column: "ExerciseId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_yearplan_sessions_ExerciseId",
                table: "yearplan_sessions");

            migrationBuilder.DropColumn(
                name: "ExerciseId",
                table: "yearplan_sessions");
        }
    }
}
