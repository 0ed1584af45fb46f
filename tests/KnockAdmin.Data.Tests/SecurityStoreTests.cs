using KnockAdmin.Core.Notifications;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Data.Tests;

public sealed class SecurityStoreTests
{
    private readonly RecordingNotifier notifier = new();

    [Fact]
    public async Task A_created_token_verifies_to_its_owner_and_only_its_hash_is_stored()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var tokens = new ApiTokenService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, notifier);

        var created = await tokens.CreateAsync("ci", Roles.Viewer, Actor.CommandLine);

        Assert.Equal(new ApiTokenOwner(created.Id, "ci", Roles.Viewer), (await tokens.VerifyAsync(created.Token)).Owner);
        Assert.Null((await tokens.VerifyAsync(created.Token + "x")).Owner);
        Assert.Null((await tokens.VerifyAsync("")).Owner);
        var stored = await db.ApiTokens.AsNoTracking().SingleAsync();
        Assert.Equal(ApiTokenService.Hash(created.Token), stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.False(await FileContainsAsync(database, created.Token), "The token itself must not be stored.");
        Assert.Equal(AuditActions.TokenCreate, (await db.AuditEntries.AsNoTracking().SingleAsync()).Action);
        var published = Assert.Single(notifier.Published);
        Assert.Equal((NotificationEventTypes.AccessCreated, "token", "ci", "viewer"), (published.Type, published.Data["kind"], published.Data["name"], published.Data["role"]));
        Assert.DoesNotContain(created.Token, published.Summary + string.Concat(published.Data.Values));
    }

    [Fact]
    public async Task Two_tokens_are_never_the_same()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var tokens = new ApiTokenService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, notifier);

        var first = await tokens.CreateAsync("a", Roles.Admin, Actor.CommandLine);
        var second = await tokens.CreateAsync("b", Roles.Admin, Actor.CommandLine);

        Assert.NotEqual(first.Token, second.Token);
        Assert.True(first.Token.Length >= 40);
    }

    [Theory]
    [InlineData("", "admin")]
    [InlineData("ci", "root")]
    public async Task A_token_with_an_empty_name_or_unknown_role_is_refused(string name, string role)
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var tokens = new ApiTokenService(db, new AuditLog(db, TimeProvider.System), TimeProvider.System, notifier);

        await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync(name, role, Actor.CommandLine));
        Assert.Empty(await db.ApiTokens.AsNoTracking().ToListAsync());
        Assert.Empty(notifier.Published);
    }

    [Fact]
    public async Task A_user_password_is_stored_as_a_hash_that_verifies()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var users = Users(db, notifier);

        await users.AddAsync("bob", Roles.Admin, "correct horse battery", Actor.CommandLine);

        var stored = await db.Users.AsNoTracking().SingleAsync();
        Assert.Equal(("bob", Roles.Admin), (stored.Name, stored.Role));
        Assert.DoesNotContain("correct horse", stored.PasswordHash);
        Assert.True(users.VerifyPassword(stored, "correct horse battery"));
        Assert.False(users.VerifyPassword(stored, "correct horse batterY"));
        await Assert.ThrowsAsync<ArgumentException>(() => users.AddAsync("bob", Roles.Viewer, "another long password", Actor.CommandLine));
        await Assert.ThrowsAsync<ArgumentException>(() => users.AddAsync("eve", Roles.Viewer, "short", Actor.CommandLine));
        Assert.Single(await db.Users.AsNoTracking().ToListAsync());
        var published = Assert.Single(notifier.Published);
        Assert.Equal((NotificationEventTypes.AccessCreated, "admin", "bob", Actor.CommandLine.Name), (published.Type, published.Data["kind"], published.Data["name"], published.Data["by"]));
    }

    [Fact]
    public async Task A_new_viewer_raises_no_notification_but_a_new_admin_does()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var users = Users(db, notifier);

        await users.AddAsync("victor", Roles.Viewer, "correct horse battery", Actor.CommandLine);
        Assert.Empty(notifier.Published);
        await users.AddAsync("alice", Roles.Admin, "correct horse battery", new Actor("user:root", "192.0.2.1"));

        Assert.Equal("A new admin user 'alice' was added by user:root.", Assert.Single(notifier.Published).Summary);
    }

    internal static UserService Users(KnockAdminDbContext db, INotifier? notifier = null) =>
        new(db, new AuditLog(db, TimeProvider.System),
            new SessionService(db, Microsoft.Extensions.Options.Options.Create(new SecurityOptions()), TimeProvider.System), TimeProvider.System,
            notifier ?? new RecordingNotifier());

    private static async Task<bool> FileContainsAsync(TempDatabase database, string text)
    {
        // Checkpoint so that everything written is in the main file, then search the raw bytes.
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync();
        }

        var bytes = await File.ReadAllBytesAsync(database.FilePath);
        return System.Text.Encoding.Latin1.GetString(bytes).Contains(text, StringComparison.Ordinal);
    }
}
