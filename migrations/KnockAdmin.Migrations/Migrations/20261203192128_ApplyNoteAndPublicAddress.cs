using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnockAdmin.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ApplyNoteAndPublicAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClientSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    PublicAddress = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientSettings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClientSettings");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "Revisions");
        }
    }
}
