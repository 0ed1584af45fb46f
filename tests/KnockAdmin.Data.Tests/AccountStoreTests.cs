using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Data.Tests;

/// <summary>Users, tokens and sessions on a real migrated file: names, the last admin, revocation, expiry, last use.</summary>
public sealed class AccountStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("ALICE")]
    [InlineData("Alice")]
    [InlineData("a1ice")]
    [InlineData("AIice")]
    [InlineData("ａｌｉｃｅ")]
    public async Task A_user_name_that_differs_from_an_existing_one_only_in_case_or_lookalikes_is_refused(string name)
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var users = Users(db);
        await users.AddAsync("alice", Roles.Admin, "correct horse battery", Actor.CommandLine);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => users.AddAsync(name, Roles.Viewer, "correct horse battery", Actor.CommandLine));

        Assert.Contains("'alice'", refused.Message);
        Assert.Single(await db.Users.AsNoTracking().ToListAsync());
    }

    [Theory]
    [InlineData("alıce", "U+0131")]
    [InlineData("bob\u202Eevil", "invisible formatting character U+202E")]
    [InlineData("car\u200Bol", "invisible formatting character U+200B")]
    [InlineData("dan\u0007", "control character U+0007")]
    [InlineData("еve", "U+0435")]
    [InlineData("two words", "a space")]
    public async Task A_name_with_a_hidden_or_non_ASCII_character_is_refused_saying_which_and_where(string name, string named)
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Users(db).AddAsync(name, Roles.Admin, "correct horse battery", Actor.CommandLine));
        var token = await Assert.ThrowsAsync<ArgumentException>(() => Tokens(db).CreateAsync(name, Roles.Admin, Actor.CommandLine));

        Assert.Contains(named, refused.Message);
        Assert.Contains("position", refused.Message);
        Assert.Equal(refused.Message, token.Message);
        Assert.Empty(await db.Users.AsNoTracking().ToListAsync());
        Assert.Empty(await db.ApiTokens.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task Token_names_are_unique_without_regard_to_case_and_a_revoked_token_keeps_its_name()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var tokens = Tokens(db);
        var adm = await tokens.CreateAsync("adm", Roles.Admin, Actor.CommandLine);

        await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync("ADM", Roles.Admin, Actor.CommandLine));
        await tokens.RevokeAsync(adm.Id, Actor.CommandLine);
        var again = await Assert.ThrowsAsync<ArgumentException>(() => tokens.CreateAsync("adm", Roles.Admin, Actor.CommandLine));

        Assert.Contains("revoked", again.Message);
        Assert.Single(await db.ApiTokens.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task A_password_longer_than_sign_in_accepts_is_refused_when_set()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var users = Users(db);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => users.AddAsync("bob", Roles.Admin, new string('x', 1025), Actor.CommandLine));
        await users.AddAsync("bob", Roles.Admin, new string('x', 1024), Actor.CommandLine);

        Assert.Contains("at most 1024", refused.Message);
    }

    [Fact]
    public async Task The_last_enabled_admin_can_be_neither_disabled_nor_removed_but_a_viewer_can()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var users = Users(db);
        var alice = await users.AddAsync("alice", Roles.Admin, "correct horse battery", Actor.CommandLine);
        var bob = await users.AddAsync("bob", Roles.Admin, "correct horse battery", Actor.CommandLine);
        var victor = await users.AddAsync("victor", Roles.Viewer, "correct horse battery", Actor.CommandLine);

        await users.DisableAsync(bob.Id, Actor.CommandLine);
        var disable = await Assert.ThrowsAsync<LastAdminException>(() => users.DisableAsync(alice.Id, Actor.CommandLine));
        await Assert.ThrowsAsync<LastAdminException>(() => users.RemoveAsync(alice.Id, Actor.CommandLine));
        await users.DisableAsync(victor.Id, Actor.CommandLine);
        await users.RemoveAsync(victor.Id, Actor.CommandLine);
        await users.EnableAsync(bob.Id, Actor.CommandLine);
        await users.RemoveAsync(alice.Id, Actor.CommandLine);

        Assert.Contains("last enabled admin", disable.Message);
        Assert.Equal(["bob"], await db.Users.AsNoTracking().Select(u => u.Name).ToListAsync());
        Assert.Equal(
            ["user.add", "user.add", "user.add", "user.disable", "user.disable", "user.remove", "user.enable", "user.remove"],
            await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Disabling_removing_or_setting_a_password_ends_the_user_s_sessions_and_an_own_change_keeps_the_current_one()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var users = Users(db);
        var sessions = Sessions(db);
        await users.AddAsync("root", Roles.Admin, "correct horse battery", Actor.CommandLine);
        var alice = await users.AddAsync("alice", Roles.Admin, "correct horse battery", Actor.CommandLine);
        var first = await sessions.StartAsync(alice.Id, "127.0.0.1", "browser one");
        var second = await sessions.StartAsync(alice.Id, "127.0.0.1", "browser two");
        var current = (await sessions.ValidateAsync(second, alice.Id, Roles.Admin))!;

        Assert.Equal(1, await users.SetPasswordAsync(alice.Id, "another long password", Actor.CommandLine, keepSessionId: current.Id));
        Assert.Null(await sessions.ValidateAsync(first, alice.Id, Roles.Admin));
        Assert.NotNull(await sessions.ValidateAsync(second, alice.Id, Roles.Admin));

        Assert.Equal(1, await users.DisableAsync(alice.Id, Actor.CommandLine));
        Assert.Null(await sessions.ValidateAsync(second, alice.Id, Roles.Admin));
        await users.EnableAsync(alice.Id, Actor.CommandLine);
        Assert.Null(await sessions.ValidateAsync(second, alice.Id, Roles.Admin));

        var third = await sessions.StartAsync(alice.Id, "127.0.0.1", "browser three");
        await users.RemoveAsync(alice.Id, Actor.CommandLine);
        Assert.Null(await sessions.ValidateAsync(third, alice.Id, Roles.Admin));
        Assert.Empty(await db.Sessions.AsNoTracking().Where(s => s.UserId == alice.Id).ToListAsync());
    }

    [Fact]
    public async Task A_session_ends_after_its_idle_time_and_is_kept_alive_by_use_written_at_most_once_a_minute()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var user = await Users(db).AddAsync("alice", Roles.Admin, "correct horse battery", Actor.CommandLine);
        var sessions = Sessions(db, sessionMinutes: 10);
        var secret = await sessions.StartAsync(user.Id, "127.0.0.1", null);

        _time.Advance(TimeSpan.FromSeconds(30));
        await sessions.ValidateAsync(secret, user.Id, Roles.Admin, "127.0.0.2", touch: true);
        Assert.Equal("127.0.0.1", (await db.Sessions.AsNoTracking().SingleAsync()).LastSeenAddress);
        _time.Advance(TimeSpan.FromMinutes(9));
        await sessions.ValidateAsync(secret, user.Id, Roles.Admin, "127.0.0.2", touch: true);
        Assert.Equal("127.0.0.2", (await db.Sessions.AsNoTracking().SingleAsync()).LastSeenAddress);
        Assert.Equal(_time.GetUtcNow(), (await db.Users.AsNoTracking().SingleAsync()).LastSeenAt);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await sessions.ValidateAsync(secret, user.Id, Roles.Admin));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await sessions.ValidateAsync(secret, user.Id, Roles.Admin));
        Assert.Empty(await db.Sessions.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task A_session_is_refused_for_another_user_another_role_or_a_secret_that_was_never_issued()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var user = await Users(db).AddAsync("alice", Roles.Admin, "correct horse battery", Actor.CommandLine);
        var sessions = Sessions(db);
        var secret = await sessions.StartAsync(user.Id, "127.0.0.1", null);

        Assert.NotNull(await sessions.ValidateAsync(secret, user.Id, Roles.Admin));
        Assert.Null(await sessions.ValidateAsync(secret, user.Id + 1, Roles.Admin));
        Assert.Null(await sessions.ValidateAsync(secret, user.Id, Roles.Viewer));
        Assert.Null(await sessions.ValidateAsync(secret + "x", user.Id, Roles.Admin));
        Assert.Null(await sessions.ValidateAsync(null, user.Id, Roles.Admin));
        Assert.Equal(SessionService.Hash(secret), (await db.Sessions.AsNoTracking().SingleAsync()).TokenHash);
    }

    [Fact]
    public async Task A_revoked_or_expired_token_is_refused_with_the_reason_and_last_use_is_written_at_most_once_a_minute()
    {
        using var database = await TempDatabase.CreateMigratedAsync();
        await using var db = database.NewContext();
        var tokens = Tokens(db);
        var ci = await tokens.CreateAsync("ci", Roles.Admin, Actor.CommandLine, TimeSpan.FromDays(30));
        var other = await tokens.CreateAsync("backup", Roles.Viewer, Actor.CommandLine);

        Assert.NotNull((await tokens.VerifyAsync(ci.Token, "192.0.2.1")).Owner);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.NotNull((await tokens.VerifyAsync(ci.Token, "192.0.2.2")).Owner);
        Assert.Equal("192.0.2.1", (await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == ci.Id)).LastUsedAddress);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull((await tokens.VerifyAsync(ci.Token, "192.0.2.3")).Owner);
        var used = await db.ApiTokens.AsNoTracking().SingleAsync(t => t.Id == ci.Id);
        Assert.Equal(("192.0.2.3", _time.GetUtcNow()), (used.LastUsedAddress, used.LastUsedAt));

        _time.Advance(TimeSpan.FromDays(30));
        var expired = await tokens.VerifyAsync(ci.Token);
        await tokens.RevokeAsync(other.Id, Actor.CommandLine);
        var revoked = await tokens.VerifyAsync(other.Token);

        Assert.Null(expired.Owner);
        Assert.Contains("expired", expired.Refusal);
        Assert.Null(revoked.Owner);
        Assert.Contains("revoked", revoked.Refusal);
        Assert.Equal([ApiTokenService.Revoked, ApiTokenService.Expired], (await tokens.ListAsync()).Select(t => t.State));
    }

    private UserService Users(KnockAdminDbContext db) => new(db, new AuditLog(db, _time), Sessions(db), _time, new RecordingNotifier());

    private SessionService Sessions(KnockAdminDbContext db, int sessionMinutes = 480) =>
        new(db, Options.Create(new SecurityOptions { SessionMinutes = sessionMinutes }), _time);

    private ApiTokenService Tokens(KnockAdminDbContext db) => new(db, new AuditLog(db, _time), _time, new RecordingNotifier());
}
