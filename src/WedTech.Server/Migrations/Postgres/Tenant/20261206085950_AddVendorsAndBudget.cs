using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Postgres.Tenant
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "budget_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountPaise = table.Column<long>(type: "bigint", nullable: true),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    PerGuestPaise = table.Column<long>(type: "bigint", nullable: true),
                    SharedWithCouple = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Categories = table.Column<string>(type: "text", nullable: false),
                    Contacts = table.Column<string>(type: "text", nullable: false),
                    Gstin = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    Pan = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    StateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Bank = table.Column<byte[]>(type: "bytea", nullable: true),
                    BankAccountName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    BankIfsc = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    BankAccountMasked = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    BankUpiMasked = table.Column<string>(type: "character varying(110)", maxLength: 110, nullable: true),
                    BankChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vendors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wedding_budgets",
                columns: table => new
                {
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    FeeModel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FeeFixedPaise = table.Column<long>(type: "bigint", nullable: false),
                    FeeBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    SharedWithCouple = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    VendorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Lines = table.Column<string>(type: "text", nullable: false),
                    Schedule = table.Column<string>(type: "text", nullable: false),
                    ArrivalTime = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ArrivalItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    DayContactName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DayContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PaidTotal = table.Column<long>(type: "bigint", nullable: false),
                    DayLinkHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DayLinkSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DayLinkSentBy = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ArrivalAnswer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ProposedTime = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AnswerNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookingId = table.Column<Guid>(type: "uuid", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    AmountPaise = table.Column<long>(type: "bigint", nullable: false),
                    TdsPaise = table.Column<long>(type: "bigint", nullable: false),
                    Notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
