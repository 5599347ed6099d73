using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Postgres.Tenant
{
    /// <inheritdoc />
    public partial class AddAutomations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "automation_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StageId = table.Column<Guid>(type: "uuid", nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: true),
                    Conditions = table.Column<string>(type: "text", nullable: false),
                    Actions = table.Column<string>(type: "text", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    ActiveSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecipeKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_automation_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "automation_firings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RuleId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Occurrence = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SubjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MovedLead = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_automation_firings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_automation_firings_automation_rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "automation_rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_automation_firings_At",
                table: "automation_firings",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_automation_firings_RuleId_At",
                table: "automation_firings",
                columns: new[] { "RuleId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_automation_firings_RuleId_SubjectId_Occurrence",
                table: "automation_firings",
                columns: new[] { "RuleId", "SubjectId", "Occurrence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_automation_firings_SubjectId_At",
                table: "automation_firings",
                columns: new[] { "SubjectId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "automation_firings");

            migrationBuilder.DropTable(
                name: "automation_rules");
        }
    }
}
