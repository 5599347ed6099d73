using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Postgres.Tenant
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    QuantityOwned = table.Column<int>(type: "integer", nullable: false),
                    Warehouse = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReplacementCostPaise = table.Column<long>(type: "bigint", nullable: false),
                    LowStockThreshold = table.Column<int>(type: "integer", nullable: false),
                    InMaintenance = table.Column<int>(type: "integer", nullable: false),
                    MaintenanceNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    VendorBookingId = table.Column<Guid>(type: "uuid", nullable: true),
                    RentedForWeddingId = table.Column<Guid>(type: "uuid", nullable: true),
                    RentedFromVendor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReservationStamp = table.Column<long>(type: "bigint", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(302)", maxLength: 302, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stock_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stock_reservations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    SetupHours = table.Column<int>(type: "integer", nullable: false),
                    TeardownHours = table.Column<int>(type: "integer", nullable: false),
                    HeldFrom = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    HeldUntil = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CheckedOut = table.Column<int>(type: "integer", nullable: false),
                    Returned = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false),
                    Damaged = table.Column<int>(type: "integer", nullable: false),
                    ChargedPaise = table.Column<long>(type: "bigint", nullable: false),
                    ReturnNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
