using KnockAdmin.Core.Model;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>A namespace pair and a database with a configuration, for driving the real executable.</summary>
public sealed class Panel : IAsyncDisposable
{
    private Panel(NamespacePair pair, TestDatabase database)
    {
        Pair = pair;
        Database = database;
    }

    public NamespacePair Pair { get; }

    public TestDatabase Database { get; }

    public static async Task<Panel> CreateAsync(FirewallConfig? config = null, TestDatabase? database = null)
    {
        var pair = await NamespacePair.CreateAsync();
        database ??= new TestDatabase();
        await database.StoreAsync(config ?? Configs.Tutorial());
        return new Panel(pair, database);
    }

    /// <summary>Runs <c>KnockAdmin ARGS</c> as its own process on this database and namespace.</summary>
    public Task<CommandOutput> RunAsync(params string[] arguments) => Executable.RunAsync(Database, Pair.Server, arguments);

    /// <summary>Runs <c>KnockAdmin ARGS</c> with <paramref name="input"/> on standard input (passwords).</summary>
    public Task<CommandOutput> RunWithInputAsync(string input, params string[] arguments) =>
        Executable.RunAsync(Database, Pair.Server, arguments, standardInput: input);

    /// <summary>Creates an admin API token with the <c>token create</c> verb.</summary>
    public async Task<string> TokenAsync()
    {
        var created = (await RunAsync("token", "create", "--name", "e2e")).EnsureSuccess("token create");
        return created.StandardOutput.TrimEnd().Split('\n')[^1];
    }

    public async Task<string> LiveAsync() => await Pair.SaveAsync() + "\n--- ip6tables ---\n" + await Pair.SaveAsync(ipv6: true);

    public async ValueTask DisposeAsync()
    {
        Database.Dispose();
        await Pair.DisposeAsync();
    }
}
