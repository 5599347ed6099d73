using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Postgres.Tenant
{
    /// <inheritdoc />
    public partial class AddInvoicesAndPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LegalName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Pincode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    DefaultSac = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    InvoicePrefix = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    EstimatePrefix = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    CreditNotePrefix = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    LogoFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    BankDetails = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Terms = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RazorpayKeyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RazorpaySecrets = table.Column<byte[]>(type: "bytea", nullable: true),
                    RazorpayReady = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "client_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    AmountPaise = table.Column<long>(type: "bigint", nullable: false),
                    RefundedPaise = table.Column<long>(type: "bigint", nullable: false),
                    GatewayPaymentId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    PayLinkId = table.Column<Guid>(type: "uuid", nullable: true),
                    Notes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_client_payments_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_serials",
                columns: table => new
                {
                    Series = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_serials", x => x.Series);
                });

            migrationBuilder.CreateTable(
                name: "gateway_events",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Event = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gateway_events", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecipientName = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    RecipientAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RecipientCity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecipientStateCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    RecipientCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RecipientGstin = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    PlaceOfSupply = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Split = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReverseCharge = table.Column<bool>(type: "boolean", nullable: false),
                    Lines = table.Column<string>(type: "text", nullable: false),
                    TaxablePaise = table.Column<long>(type: "bigint", nullable: false),
                    CgstPaise = table.Column<long>(type: "bigint", nullable: false),
                    SgstPaise = table.Column<long>(type: "bigint", nullable: false),
                    IgstPaise = table.Column<long>(type: "bigint", nullable: false),
                    RoundOffPaise = table.Column<long>(type: "bigint", nullable: false),
                    TotalPaise = table.Column<long>(type: "bigint", nullable: false),
                    CreditNoteForId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstalmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IssuedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoices_invoices_CreditNoteForId",
                        column: x => x.CreditNoteForId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_invoices_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pay_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstalmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountPaise = table.Column<long>(type: "bigint", nullable: false),
                    GatewayLinkId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pay_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pay_links_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment_plans",
                columns: table => new
                {
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Schedule = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_plans", x => x.WeddingId);
                    table.ForeignKey(
                        name: "FK_payment_plans_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "client_refunds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountPaise = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    GatewayRefundId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Pending = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_client_refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_client_refunds_client_payments_PaymentId",
                        column: x => x.PaymentId,
                        principalTable: "client_payments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_client_payments_GatewayPaymentId",
                table: "client_payments",
                column: "GatewayPaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_client_payments_PaidOn",
                table: "client_payments",
                column: "PaidOn");

            migrationBuilder.CreateIndex(
                name: "IX_client_payments_ReceiptNumber",
                table: "client_payments",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_client_payments_WeddingId",
                table: "client_payments",
                column: "WeddingId");

            migrationBuilder.CreateIndex(
                name: "IX_client_refunds_GatewayRefundId",
                table: "client_refunds",
                column: "GatewayRefundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_client_refunds_PaymentId",
                table: "client_refunds",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_CreditNoteForId",
                table: "invoices",
                column: "CreditNoteForId");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_IssuedOn",
                table: "invoices",
                column: "IssuedOn");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_Number",
                table: "invoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_WeddingId",
                table: "invoices",
                column: "WeddingId");

            migrationBuilder.CreateIndex(
                name: "IX_pay_links_GatewayLinkId",
                table: "pay_links",
                column: "GatewayLinkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pay_links_Status_WeddingId",
                table: "pay_links",
                columns: new[] { "Status", "WeddingId" });

            migrationBuilder.CreateIndex(
                name: "IX_pay_links_WeddingId",
                table: "pay_links",
                column: "WeddingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_settings");

            migrationBuilder.DropTable(
                name: "client_refunds");

            migrationBuilder.DropTable(
                name: "document_serials");

            migrationBuilder.DropTable(
                name: "gateway_events");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "pay_links");

            migrationBuilder.DropTable(
                name: "payment_plans");

            migrationBuilder.DropTable(
                name: "client_payments");
        }
    }
}
