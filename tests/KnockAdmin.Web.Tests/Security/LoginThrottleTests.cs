using KnockAdmin.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnockAdmin.Web.Tests.Security;

/// <summary>The throttle on the panel's real SQLite file: doubling waits, the cap, the window, and parallel attempts.</summary>
public sealed class LoginThrottleTests
{
    [Fact]
    public async Task After_three_free_attempts_each_wait_doubles_up_to_a_minute()
    {
        using var app = new SecureApp();
        var throttle = app.Scope().GetRequiredService<LoginThrottle>();
        var waits = new List<double>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            Assert.True((await throttle.BeginAttemptAsync("k")).Allowed);
            var wait = await app.QueryAsync(db => db.LoginThrottles.Select(t => t.NotBefore).SingleAsync()) - app.Time.GetUtcNow();
            waits.Add(wait.TotalSeconds);
            if (wait > TimeSpan.Zero)
            {
                Assert.Equal(wait, (await throttle.BeginAttemptAsync("k")).Wait);
                app.Time.Advance(wait);
            }
        }

        Assert.Equal([0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60], waits);
    }

    [Fact]
    public async Task A_refused_attempt_is_not_counted_and_only_the_first_refusal_of_a_wait_is_marked_for_the_audit_log()
    {
        using var app = new SecureApp();
        var throttle = app.Scope().GetRequiredService<LoginThrottle>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await throttle.BeginAttemptAsync("k");
        }

        var first = await throttle.BeginAttemptAsync("k");
        var second = await throttle.BeginAttemptAsync("k");

        Assert.Equal((TimeSpan.FromSeconds(1), true), (first.Wait, first.FirstRefusal));
        Assert.Equal((TimeSpan.FromSeconds(1), false), (second.Wait, second.FirstRefusal));
        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await throttle.BeginAttemptAsync("k")).Allowed);
        Assert.Equal(TimeSpan.FromSeconds(2), (await throttle.BeginAttemptAsync("k")).Wait);
    }

    [Fact]
    public async Task A_success_or_a_quiet_window_starts_the_key_afresh_and_other_keys_are_never_touched()
    {
        using var app = new SecureApp(settings: new Dictionary<string, string> { ["Security:FailureWindowMinutes"] = "10" });
        var throttle = app.Scope().GetRequiredService<LoginThrottle>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            await throttle.BeginAttemptAsync("a");
            app.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.False((await throttle.BeginAttemptAsync("a")).Allowed);
        Assert.True((await throttle.BeginAttemptAsync("b")).Allowed);
        await throttle.SucceededAsync("a");
        Assert.True((await throttle.BeginAttemptAsync("a")).Allowed);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(20));
            await throttle.BeginAttemptAsync("c");
        }

        app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await throttle.BeginAttemptAsync("c")).Allowed);
        Assert.True((await throttle.BeginAttemptAsync("c")).Allowed);
    }

    [Fact]
    public async Task Parallel_attempts_cannot_check_more_passwords_than_the_waits_allow()
    {
        using var app = new SecureApp();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LoginThrottle>().BeginAttemptAsync("k");
        }));

        Assert.Equal(3, decisions.Count(d => d.Allowed));
        Assert.Equal(1, decisions.Count(d => d.FirstRefusal));
    }

    [Theory]
    [InlineData("2001:db8::1", "2001:db8::ffff", true)]
    [InlineData("2001:db8::1", "2001:db8:0:1::1", false)]
    [InlineData("::ffff:192.0.2.1", "192.0.2.1", true)]
    [InlineData("192.0.2.1", "192.0.2.2", false)]
    public void Addresses_of_one_IPv6_64_count_as_one_and_names_count_without_regard_to_case(string first, string second, bool same)
    {
        Assert.Equal(same, LoginThrottle.AccountAddressKey("alice", first) == LoginThrottle.AccountAddressKey("ALICE", second));
        Assert.NotEqual(LoginThrottle.AccountAddressKey("alice", first), LoginThrottle.AccountAddressKey("bob", first));
    }
}
