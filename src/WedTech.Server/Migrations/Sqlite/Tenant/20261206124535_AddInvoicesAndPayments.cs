using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Sqlite.Tenant
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    StateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Pincode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    DefaultSac = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    InvoicePrefix = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    EstimatePrefix = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    CreditNotePrefix = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    LogoFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BankDetails = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RazorpayKeyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RazorpaySecrets = table.Column<byte[]>(type: "BLOB", nullable: true),
                    RazorpayReady = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "client_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    AmountPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    RefundedPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    GatewayPaymentId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PayLinkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Series = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_serials", x => x.Series);
                });

            migrationBuilder.CreateTable(
                name: "gateway_events",
                columns: table => new
                {
                    EventId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gateway_events", x => x.EventId);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RecipientAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecipientCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecipientStateCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    RecipientCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RecipientGstin = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlaceOfSupply = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Split = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReverseCharge = table.Column<bool>(type: "INTEGER", nullable: false),
                    Lines = table.Column<string>(type: "TEXT", nullable: false),
                    TaxablePaise = table.Column<long>(type: "INTEGER", nullable: false),
                    CgstPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    SgstPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    IgstPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    RoundOffPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditNoteForId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstalmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstalmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    GatewayLinkId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    WeddingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PaymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountPaise = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    GatewayRefundId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Pending = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
