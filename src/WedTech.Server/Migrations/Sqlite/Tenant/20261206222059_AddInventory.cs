using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class AddInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stock_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    QuantityOwned = table.Column<int>(type: "INTEGER", nullable: false),
                    Warehouse = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReplacementCostPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    LowStockThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    InMaintenance = table.Column<int>(type: "INTEGER", nullable: false),
                    MaintenanceNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VendorBookingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RentedForWeddingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RentedFromVendor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReservationStamp = table.Column<long>(type: "INTEGER", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 302, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stock_reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    SetupHours = table.Column<int>(type: "INTEGER", nullable: false),
                    TeardownHours = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldFrom = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeldUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedOut = table.Column<int>(type: "INTEGER", nullable: false),
                    Returned = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    Damaged = table.Column<int>(type: "INTEGER", nullable: false),
                    ChargedPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    ReturnNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_reservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stock_reservations_stock_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "stock_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stock_items_Name",
                table: "stock_items",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_stock_reservations_EventId",
                table: "stock_reservations",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_stock_reservations_HeldFrom_HeldUntil",
                table: "stock_reservations",
                columns: new[] { "HeldFrom", "HeldUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_stock_reservations_ItemId_HeldFrom",
                table: "stock_reservations",
                columns: new[] { "ItemId", "HeldFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_stock_reservations_WeddingId",
                table: "stock_reservations",
                column: "WeddingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stock_reservations");

            migrationBuilder.DropTable(
                name: "stock_items");
        }
    }
}
