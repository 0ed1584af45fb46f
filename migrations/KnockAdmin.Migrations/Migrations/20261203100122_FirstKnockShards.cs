using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnockAdmin.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class FirstKnockShards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Settings stored before the split existed get the generator's default, so the next apply splits them.
            migrationBuilder.AddColumn<int>(
                name: "FirstKnockShards",
                table: "HostSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 16);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FirstKnockShards",
                table: "HostSettings");
        }
    }
}
