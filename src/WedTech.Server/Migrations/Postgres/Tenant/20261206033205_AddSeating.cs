using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Postgres.Tenant
{
    /// <inheritdoc />
    public partial class AddSeating : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "seating_plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SplitHouseholds = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seating_plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_seating_plans_events_EventId",
                        column: x => x.EventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seating_tables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Shape = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seating_tables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_seating_tables_events_EventId",
                        column: x => x.EventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "keep_apart_pairs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    FirstGuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    SecondGuestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_keep_apart_pairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_keep_apart_pairs_guests_FirstGuestId",
                        column: x => x.FirstGuestId,
                        principalTable: "guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_keep_apart_pairs_guests_SecondGuestId",
                        column: x => x.SecondGuestId,
                        principalTable: "guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_keep_apart_pairs_seating_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "seating_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    TableId = table.Column<Guid>(type: "uuid", nullable: false),
                    GuestId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_seats_guests_GuestId",
                        column: x => x.GuestId,
                        principalTable: "guests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_seats_seating_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "seating_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_seats_seating_tables_TableId",
                        column: x => x.TableId,
                        principalTable: "seating_tables",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_keep_apart_pairs_FirstGuestId",
                table: "keep_apart_pairs",
                column: "FirstGuestId");

            migrationBuilder.CreateIndex(
                name: "IX_keep_apart_pairs_PlanId",
                table: "keep_apart_pairs",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_keep_apart_pairs_SecondGuestId",
                table: "keep_apart_pairs",
                column: "SecondGuestId");

            migrationBuilder.CreateIndex(
                name: "IX_seating_plans_EventId",
                table: "seating_plans",
                column: "EventId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_seating_tables_EventId_Position",
                table: "seating_tables",
                columns: new[] { "EventId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_seats_GuestId",
                table: "seats",
                column: "GuestId");

            migrationBuilder.CreateIndex(
                name: "IX_seats_PlanId_GuestId",
                table: "seats",
                columns: new[] { "PlanId", "GuestId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_seats_TableId",
                table: "seats",
                column: "TableId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "keep_apart_pairs");

            migrationBuilder.DropTable(
                name: "seats");

            migrationBuilder.DropTable(
                name: "seating_plans");

            migrationBuilder.DropTable(
                name: "seating_tables");
        }
    }
}
