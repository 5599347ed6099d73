using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Postgres.Tenant
{
    /// <inheritdoc />
    public partial class AddGuests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Side = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Group = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ArrivalAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ArrivalBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DepartureAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DepartureBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NoteToCouple = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SearchText = table.Column<string>(type: "character varying(24000)", maxLength: 24000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_households_weddings_WeddingId",
                        column: x => x.WeddingId,
                        principalTable: "weddings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "guests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LatinName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Honorific = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    AgeGroup = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Diet = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Allergies = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Phone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    GuestOf = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_guests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_guests_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    WeddingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    Guests = table.Column<string>(type: "text", nullable: false),
                    Answer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attending = table.Column<int>(type: "integer", nullable: false),
                    Members = table.Column<string>(type: "text", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invitations_events_EventId",
                        column: x => x.EventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_invitations_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rsvp_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Before = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AttendingBefore = table.Column<int>(type: "integer", nullable: false),
                    After = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    AttendingAfter = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rsvp_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rsvp_changes_events_EventId",
                        column: x => x.EventId,
                        principalTable: "events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_rsvp_changes_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_rsvp_changes_users_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_guests_HouseholdId_Position",
                table: "guests",
                columns: new[] { "HouseholdId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_guests_Phone",
                table: "guests",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_households_Phone",
                table: "households",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_households_WeddingId_DisplayName",
                table: "households",
                columns: new[] { "WeddingId", "DisplayName" });

            migrationBuilder.CreateIndex(
                name: "IX_invitations_EventId",
                table: "invitations",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_HouseholdId_EventId",
                table: "invitations",
                columns: new[] { "HouseholdId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invitations_WeddingId_EventId",
                table: "invitations",
                columns: new[] { "WeddingId", "EventId" });

            migrationBuilder.CreateIndex(
                name: "IX_rsvp_changes_ByUserId",
                table: "rsvp_changes",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_rsvp_changes_EventId",
                table: "rsvp_changes",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_rsvp_changes_HouseholdId_At",
                table: "rsvp_changes",
                columns: new[] { "HouseholdId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "guests");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "rsvp_changes");

            migrationBuilder.DropTable(
                name: "households");
        }
    }
}
