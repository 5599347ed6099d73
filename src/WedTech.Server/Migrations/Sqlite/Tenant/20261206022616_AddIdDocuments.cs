using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class AddIdDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CollectIds",
                table: "guest_list_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "id_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NumberLastFour = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sealed = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_id_documents_guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_id_documents_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_id_documents_users_UploadedBy",
                        column: x => x.UploadedBy,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "studio_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Wrapped = table.Column<byte[]>(type: "BLOB", nullable: false),
                    MasterKeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_studio_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_id_documents_GuestId",
                table: "id_documents",
                column: "GuestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_id_documents_HouseholdId",
                table: "id_documents",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_id_documents_UploadedBy",
                table: "id_documents",
                column: "UploadedBy");

            migrationBuilder.CreateIndex(
                name: "IX_id_documents_WeddingId_UploadedAt",
                table: "id_documents",
                columns: new[] { "WeddingId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_studio_keys_Purpose",
                table: "studio_keys",
                column: "Purpose",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "id_documents");

            migrationBuilder.DropTable(
                name: "studio_keys");

            migrationBuilder.DropColumn(
                name: "CollectIds",
                table: "guest_list_settings");
        }
    }
}
