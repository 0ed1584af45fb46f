using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnockAdmin.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class KnockHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FirstKnockTallies",
                columns: table => new
                {
                    Profile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HourStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FirstKnockTallies", x => new { x.Profile, x.HourStart });
                });

            migrationBuilder.CreateTable(
                name: "KnockEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: true),
                    StepCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnockEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnockHistoryMark",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Watermark = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnockHistoryMark", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KnockEvents_Address_At",
                table: "KnockEvents",
                columns: new[] { "Address", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_KnockEvents_At_Kind_Profile",
                table: "KnockEvents",
                columns: new[] { "At", "Kind", "Profile" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FirstKnockTallies");

            migrationBuilder.DropTable(
                name: "KnockEvents");

            migrationBuilder.DropTable(
                name: "KnockHistoryMark");
        }
    }
}
