using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Tests.Components;

public sealed class PanelTimeTests
{
    [Fact]
    public void A_moment_is_written_in_ISO_8601_with_the_offset_of_the_host_time_zone()
    {
        var moment = new DateTimeOffset(2026, 12, 3, 14, 20, 5, TimeSpan.Zero);
        var local = moment.ToLocalTime();
        var offset = local.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";

        Assert.Equal($"{local:yyyy-MM-dd}T{local:HH:mm:ss}{sign}{offset:hh\\:mm}", PanelTime.Of(moment));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$", PanelTime.Of(moment));
        Assert.Equal("never", PanelTime.Of(null, "never"));
    }
}
