using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class AddProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    DiscountKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DiscountValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Plan = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SentVersions = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangesAsked = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LinkTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LinkIssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposals_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_packages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "proposal_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    DiscountKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DiscountValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Plan = table.Column<string>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Views = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstViewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastViewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedIp = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    AcceptedUserAgent = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AcceptedOptions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposal_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_proposal_versions_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_proposal_versions_ProposalId_Number",
                table: "proposal_versions",
                columns: new[] { "ProposalId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_LeadId",
                table: "proposals",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_proposals_LinkTokenHash",
                table: "proposals",
                column: "LinkTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_proposals_WeddingId",
                table: "proposals",
                column: "WeddingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposal_versions");

            migrationBuilder.DropTable(
                name: "service_packages");

            migrationBuilder.DropTable(
                name: "proposals");
        }
    }
}
