using KnockAdmin.Core.Model;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class ListPressureTests
{
    private static readonly RecentListMap Map = new(FirewallConfig.Tutorial);

    [Fact]
    public void A_full_list_pushing_out_addresses_younger_than_the_step_timeout_is_churning()
    {
        var pressure = ListPressure.Of(Readings.Snapshot(Readings.Full("KA-ssh-S1.3", 100, oldestSecondsAgo: 4)), Map);

        Assert.Equal(new ListPressure("KA-ssh-S1.3", ListPressure.Churning, 100, 100), Assert.Single(pressure));
    }

    [Fact]
    public void A_full_list_whose_oldest_addresses_expired_is_full()
    {
        var pressure = ListPressure.Of(Readings.Snapshot(Readings.Full("KA-ssh-OPEN", 100, oldestSecondsAgo: 300)), Map);

        Assert.Equal(ListPressure.Full, Assert.Single(pressure).Reason);
    }

    [Fact]
    public void Lists_with_room_completion_lists_and_foreign_lists_raise_nothing()
    {
        var pressure = ListPressure.Of(Readings.Snapshot(
            Readings.List("KA-ssh-S2", ("192.0.2.1", 1)),
            Readings.Full("KA-ssh-DONE", 100, 4),
            Readings.Full("sshattack", 100, 4)), Map);

        Assert.Empty(pressure);
    }
}

public class ListPressureThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_list_is_let_through_once_per_quiet_period_however_often_it_is_seen_full()
    {
        var throttle = new ListPressureThrottle(TimeSpan.FromHours(1));
        ListPressure s1 = new("KA-ssh-S1.3", ListPressure.Churning, 100, 100), s2 = new("KA-ssh-S2", ListPressure.Full, 100, 100);

        var first = throttle.Due([s1], Start);
        var during = Enumerable.Range(1, 7199).SelectMany(second => throttle.Due([s1], Start.AddSeconds(second / 2.0))).ToList();
        var other = throttle.Due([s1, s2], Start.AddMinutes(30));
        var afterAnHour = throttle.Due([s1, s2], Start.AddHours(1));

        Assert.Equal([s1], first);
        Assert.Empty(during);
        Assert.Equal([s2], other);
        Assert.Equal([s1], afterAnHour);
    }
}
