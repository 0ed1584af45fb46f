using KnockAdmin.Web.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace KnockAdmin.Web.Tests;

/// <summary>Runs the command line in-process against a database in a temporary directory.</summary>
public sealed class CliRun : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("knockadmin-cli-").FullName;

    public string DatabasePath => Path.Combine(_directory, "data", "knockadmin.db");

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    public string Directory => _directory;

    public async Task<(int ExitCode, string Out, string Error)> InvokeAsync(string[] args, string input = "", IDictionary<string, string?>? settings = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(input))
        {
            ConfigureConfiguration = configuration => configuration.AddInMemoryCollection(
                settings ?? new Dictionary<string, string?> { ["ConnectionStrings:KnockAdmin"] = ConnectionString }),
        };

        var exitCode = await KnockAdminCommandLine.InvokeAsync(args, context);
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
