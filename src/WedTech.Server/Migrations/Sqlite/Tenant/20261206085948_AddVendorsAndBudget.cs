using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class AddVendorsAndBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OwnerVendorId",
                table: "run_of_show_items",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountPaise = table.Column<long>(type: "INTEGER", nullable: true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PerGuestPaise = table.Column<long>(type: "INTEGER", nullable: true),
                    SharedWithCouple = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_budget_lines_events_EventId",
                        column: x => x.EventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_budget_lines_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vendors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    Contacts = table.Column<string>(type: "TEXT", nullable: false),
                    Gstin = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Pan = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Bank = table.Column<byte[]>(type: "BLOB", nullable: true),
                    BankAccountName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    BankIfsc = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    BankAccountMasked = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    BankUpiMasked = table.Column<string>(type: "TEXT", maxLength: 110, nullable: true),
                    BankChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wedding_budgets",
                columns: table => new
                {
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeeModel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FeeFixedPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedWithCouple = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wedding_budgets", x => x.WeddingId);
                    table.ForeignKey(
                        name: "FK_wedding_budgets_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vendor_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VendorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", nullable: false),
                    ArrivalTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivalItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DayContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DayContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PaidTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    DayLinkHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DayLinkSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DayLinkSentBy = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ArrivalAnswer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ProposedTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnswerNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vendor_bookings_events_EventId",
                        column: x => x.EventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_vendor_bookings_vendors_VendorId",
                        column: x => x.VendorId,
                        principalTable: "vendors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_vendor_bookings_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "vendor_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    AmountPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    TdsPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendor_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_vendor_payments_vendor_bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "vendor_bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_EventId",
                table: "budget_lines",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_budget_lines_WeddingId",
                table: "budget_lines",
                column: "WeddingId");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_bookings_DayLinkHash",
                table: "vendor_bookings",
                column: "DayLinkHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vendor_bookings_EventId",
                table: "vendor_bookings",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_bookings_VendorId",
                table: "vendor_bookings",
                column: "VendorId");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_bookings_WeddingId",
                table: "vendor_bookings",
                column: "WeddingId");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_payments_BookingId",
                table: "vendor_payments",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_vendor_payments_WeddingId",
                table: "vendor_payments",
                column: "WeddingId");

            migrationBuilder.CreateIndex(
                name: "IX_vendors_Name",
                table: "vendors",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_lines");

            migrationBuilder.DropTable(
                name: "vendor_payments");

            migrationBuilder.DropTable(
                name: "wedding_budgets");

            migrationBuilder.DropTable(
                name: "vendor_bookings");

            migrationBuilder.DropTable(
                name: "vendors");

            migrationBuilder.DropColumn(
                name: "OwnerVendorId",
                table: "run_of_show_items");
        }
    }
}
