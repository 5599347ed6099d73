using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class AddRsvpLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RsvpLinkIssuedAt",
                table: "households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RsvpTokenHash",
                table: "households",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "guest_list_settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RsvpDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StudioContact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guest_list_settings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guest_list_settings_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_households_RsvpTokenHash",
                table: "households",
                column: "RsvpTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_guest_list_settings_WeddingId",
                table: "guest_list_settings",
                column: "WeddingId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "guest_list_settings");

            migrationBuilder.DropIndex(
                name: "IX_households_RsvpTokenHash",
                table: "households");

            migrationBuilder.DropColumn(
                name: "RsvpLinkIssuedAt",
                table: "households");

            migrationBuilder.DropColumn(
                name: "RsvpTokenHash",
                table: "households");
        }
    }
}
