using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnockAdmin.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RotatingSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Profiles from before rotation stay static, with the default rotation settings ready for a switch.
            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "Profiles",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Static");

            migrationBuilder.AddColumn<int>(
                name: "RotationLength",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.AddColumn<int>(
                name: "RotationPeriodSeconds",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 60);

            migrationBuilder.AddColumn<int>(
                name: "RotationPortRangeEnd",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 65000);

            migrationBuilder.AddColumn<int>(
                name: "RotationPortRangeStart",
                table: "Profiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 10000);

            migrationBuilder.CreateTable(
                name: "ProfileSecrets",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileSecrets", x => x.ProfileId);
                    table.ForeignKey(
                        name: "FK_ProfileSecrets_Profiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "Profiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RotationStates",
                columns: table => new
                {
                    Profile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RotatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RotationStates", x => x.Profile);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProfileSecrets");

            migrationBuilder.DropTable(
                name: "RotationStates");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RotationLength",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RotationPeriodSeconds",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RotationPortRangeEnd",
                table: "Profiles");

            migrationBuilder.DropColumn(
                name: "RotationPortRangeStart",
                table: "Profiles");
        }
    }
}
