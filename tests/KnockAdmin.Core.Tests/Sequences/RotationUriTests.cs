using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;

namespace KnockAdmin.Core.Tests.Sequences;

public class RotationUriTests
{
    private static readonly Rotation Settings = new() { PeriodSeconds = 90, Length = 5, PortRangeStart = 20000, PortRangeEnd = 29999 };

    [Fact]
    public void The_uri_holds_the_secret_and_the_four_numbers_a_client_needs()
    {
        Assert.Equal(
            "knockadmin://rotating/door?secret=AAAQEAYEAUDAOCAJBIFQYDIOB4&period=90&length=5&start=20000&end=29999",
            RotationUri.Of("door", "AAAQEAYEAUDAOCAJBIFQYDIOB4", Settings));
    }

    [Fact]
    public void A_public_address_is_added_as_the_host_escaped()
    {
        var uri = new Uri(RotationUri.Of("door", "AAAQ", Settings, "2001:db8::1"));

        Assert.Equal("knockadmin", uri.Scheme);
        Assert.EndsWith("&host=2001%3Adb8%3A%3A1", uri.OriginalString, StringComparison.Ordinal);
    }
}
