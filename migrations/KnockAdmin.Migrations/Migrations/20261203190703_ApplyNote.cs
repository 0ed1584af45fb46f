using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnockAdmin.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ApplyNote : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "Revisions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Note",
                table: "Revisions");
        }
    }
}
