using KnockAdmin.Core.Notifications;

namespace KnockAdmin.Core.Tests.Notifications;

public sealed class DeliveryBackoffTests
{
    private static readonly DeliveryBackoff Backoff = new(MaxAttempts: 6, FirstDelay: TimeSpan.FromSeconds(10), MaxDelay: TimeSpan.FromSeconds(60));

    [Fact]
    public void The_waits_double_from_the_first_up_to_the_cap_and_stop_after_the_last_attempt()
    {
        var waits = Enumerable.Range(1, 6).Select(Backoff.DelayAfter).ToList();

        Assert.Equal([10, 20, 40, 60, 60], waits.Take(5).Select(w => w!.Value.TotalSeconds));
        Assert.Null(waits[5]);
    }

    [Fact]
    public void Attempts_far_beyond_any_real_count_never_overflow()
    {
        var many = new DeliveryBackoff(int.MaxValue, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(1), many.DelayAfter(100_000));
    }

    [Fact]
    public void One_attempt_means_no_retry()
    {
        Assert.Null(new DeliveryBackoff(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).DelayAfter(1));
    }

    [Fact]
    public void Attempts_count_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.DelayAfter(0));
    }
}
