using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WedTech.Server.Migrations.Sqlite.Tenant
{
    /// <inheritdoc />
    public partial class AddRoomsStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "RoomsStamp",
                table: "room_blocks",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RoomsStamp",
                table: "room_blocks");
        }
    }
}
