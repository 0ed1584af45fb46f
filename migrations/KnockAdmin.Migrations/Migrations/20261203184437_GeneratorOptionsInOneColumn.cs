using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KnockAdmin.Migrations.Migrations
{
    /// <summary>
    /// Moves the five generator option columns of the host settings into one JSON column, values kept, so that a new
    /// option needs no migration.
    /// </summary>
    public partial class GeneratorOptionsInOneColumn : Migration
    {
        private static readonly string[] OldColumns = ["AnswerAsClosedPort", "FirstKnockShards", "LogKnocks", "SynOnly", "TolerateRepeatedStep"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Options",
                table: "HostSettings",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}");

            // The member names are the camelCase JSON names of GeneratorOptions, as the model writes them.
            migrationBuilder.Sql("""
                UPDATE "HostSettings" SET "Options" = json_object(
                    'tolerateRepeatedStep', json(CASE WHEN "TolerateRepeatedStep" THEN 'true' ELSE 'false' END),
                    'synOnly', json(CASE WHEN "SynOnly" THEN 'true' ELSE 'false' END),
                    'answerAsClosedPort', json(CASE WHEN "AnswerAsClosedPort" THEN 'true' ELSE 'false' END),
                    'logKnocks', json(CASE WHEN "LogKnocks" THEN 'true' ELSE 'false' END),
                    'firstKnockShards', "FirstKnockShards");
                """);

            foreach (var column in OldColumns)
            {
                migrationBuilder.DropColumn(name: column, table: "HostSettings");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in OldColumns)
            {
                migrationBuilder.AddColumn<int>(
                    name: column,
                    table: "HostSettings",
                    type: "INTEGER",
                    nullable: false,
                    defaultValue: column == "FirstKnockShards" ? 16 : 0);
            }

            // A member the JSON leaves out keeps the column's default, as the model would give it.
            migrationBuilder.Sql("""
                UPDATE "HostSettings" SET
                    "TolerateRepeatedStep" = coalesce(json_extract("Options", '$.tolerateRepeatedStep'), 0),
                    "SynOnly" = coalesce(json_extract("Options", '$.synOnly'), 0),
                    "AnswerAsClosedPort" = coalesce(json_extract("Options", '$.answerAsClosedPort'), 0),
                    "LogKnocks" = coalesce(json_extract("Options", '$.logKnocks'), 0),
                    "FirstKnockShards" = coalesce(json_extract("Options", '$.firstKnockShards'), 16);
                """);

            migrationBuilder.DropColumn(name: "Options", table: "HostSettings");
        }
    }
}
