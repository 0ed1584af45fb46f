using KnockAdmin.Web.Panel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ClosedPagesMemoryTests
{
    private static ClosedPagesMemory Create(FakeTimeProvider time, int seconds = 10) =>
        new(Options.Create(new PagesOptions { ReturnMemoryAfterSeconds = seconds }), time, NullLogger<ClosedPagesMemory>.Instance);

    [Fact]
    public void Memory_is_handed_back_once_the_quiet_time_after_the_last_close_has_passed()
    {
        var time = new FakeTimeProvider();
        using var memory = Create(time);

        memory.PageClosed();
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, memory.Collections);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, memory.Collections);
    }

    [Fact]
    public void Many_pages_closing_one_after_the_other_cost_one_collection_after_the_last()
    {
        var time = new FakeTimeProvider();
        using var memory = Create(time);

        for (var page = 0; page < 40; page++)
        {
            memory.PageClosed();
            time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(0, memory.Collections);
        time.Advance(TimeSpan.FromSeconds(8));
        Assert.Equal(1, memory.Collections);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, memory.Collections);
    }

    [Fact]
    public void Nothing_is_collected_after_the_panel_stopped()
    {
        var time = new FakeTimeProvider();
        var memory = Create(time);

        memory.PageClosed();
        memory.Dispose();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, memory.Collections);
    }
}
