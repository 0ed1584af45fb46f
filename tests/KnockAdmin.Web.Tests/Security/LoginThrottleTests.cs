using KnockAdmin.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Web.Tests.Security;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_fifth_failure_within_the_window_locks_for_five_minutes()
    {
        var throttle = new LoginThrottle(Options.Create(new SecurityOptions()), _time);

        Assert.Equal([false, false, false, false, true], Enumerable.Range(0, 5).Select(_ => throttle.RecordFailure("account:a")).ToList());

        Assert.Equal(_time.GetUtcNow().AddMinutes(5), throttle.LockedUntil("account:a"));
        Assert.Null(throttle.LockedUntil("account:b"));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(throttle.LockedUntil("account:a"));
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        var throttle = new LoginThrottle(Options.Create(new SecurityOptions { FailureWindowMinutes = 10 }), _time);
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("address:x");
        }

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.False(throttle.RecordFailure("address:x"));
        Assert.Null(throttle.LockedUntil("address:x"));
    }

    [Fact]
    public void A_reset_forgets_earlier_failures()
    {
        var throttle = new LoginThrottle(Options.Create(new SecurityOptions()), _time);
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("account:a");
        }

        throttle.Reset("account:a");

        Assert.False(throttle.RecordFailure("account:a"));
    }

    [Fact]
    public void Limits_come_from_the_options()
    {
        var throttle = new LoginThrottle(Options.Create(new SecurityOptions { MaxFailedLogins = 2, LockoutMinutes = 1 }), _time);

        throttle.RecordFailure("account:a");
        Assert.True(throttle.RecordFailure("account:a"));

        Assert.Equal(_time.GetUtcNow().AddMinutes(1), throttle.LockedUntil("account:a"));
    }

    [Fact]
    public void Cycling_through_many_names_keeps_memory_bounded_and_still_locks_the_current_key()
    {
        var throttle = new LoginThrottle(Options.Create(new SecurityOptions()), _time);
        for (var i = 0; i < 25_000; i++)
        {
            throttle.RecordFailure("account:n" + i);
        }

        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("account:target");
        }

        Assert.True(throttle.RecordFailure("account:target"));
    }
}
