using System.Net;
using KnockAdmin.Core.Recent;

namespace KnockAdmin.Core.Tests.Recent;

public class XtRecentParserTests
{
    [Fact]
    public void I_can_read_a_captured_list_with_IPv4_and_expanded_IPv6_entries()
    {
        var result = XtRecentParser.Parse(CapturedLists.TwoFamilies);

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Entries.Count);

        var v6 = result.Entries[0];
        Assert.Equal(IPAddress.Parse("fd77::2"), v6.Address);
        Assert.Equal(64, v6.Ttl);
        Assert.Equal(4294978796UL, v6.LastSeenJiffies);
        Assert.Equal(1, v6.OldestPacketIndex);
        Assert.Equal([4294978796UL], v6.PacketJiffies);

        var v4 = result.Entries[1];
        Assert.Equal(IPAddress.Parse("10.77.0.2"), v4.Address);
        Assert.Equal(4294978719UL, v4.LastSeenJiffies);
        Assert.Equal(2, v4.OldestPacketIndex);
        Assert.Equal([4294978719UL, 4294978719UL], v4.PacketJiffies);
    }

    [Fact]
    public void I_can_read_every_packet_stamp_of_a_captured_list()
    {
        var result = XtRecentParser.Parse(CapturedLists.SpacedKnocks);

        Assert.Empty(result.Problems);
        Assert.Equal([4295018334UL, 4295018411UL], result.Entries[0].PacketJiffies);
        Assert.Equal([4295017954UL, 4295018081UL, 4295018207UL], result.Entries[1].PacketJiffies);
        Assert.Equal(3, result.Entries[1].OldestPacketIndex);
    }

    [Fact]
    public void An_empty_list_has_no_entries_and_no_problems()
    {
        var result = XtRecentParser.Parse("");

        Assert.Empty(result.Entries);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Windows_line_endings_and_trailing_spaces_are_accepted()
    {
        var result = XtRecentParser.Parse("src=10.0.0.1 ttl: 1 last_seen: 5 oldest_pkt: 1 5  \r\nsrc=10.0.0.2 ttl: 2 last_seen: 6 oldest_pkt: 1 6\r\n");

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Entries.Count);
    }

    [Theory]
    [InlineData("hello world", "does not start with 'src='")]
    [InlineData("src=10.77.0.2 ttl: 64 last_seen: 4294978719 oldest_pkt: 2 4294978719, ", "invalid packet stamp")]
    [InlineData("src=10.77.0.2 ttl: 64 last_seen: 4294978719 oldest_pkt: 2", "no packet stamps (line truncated?)")]
    [InlineData("src=10.77.0.2 ttl: 64 last_se", "missing or invalid 'last_seen'")]
    [InlineData("src=10.77.0.2 ttl: 64", "missing or invalid 'last_seen'")]
    [InlineData("src=10.77.0", "source is not an IPv4 or IPv6 address")]
    [InlineData("src=10.77 ttl: 64 last_seen: 1 oldest_pkt: 1 1", "source is not an IPv4 or IPv6 address")]
    [InlineData("src=999.1.1.1 ttl: 64 last_seen: 1 oldest_pkt: 1 1", "source is not an IPv4 or IPv6 address")]
    [InlineData("src=fe80::1%eth0 ttl: 64 last_seen: 1 oldest_pkt: 1 1", "source is not an IPv4 or IPv6 address")]
    [InlineData("src= ttl: 64 last_seen: 1 oldest_pkt: 1 1", "source is not an IPv4 or IPv6 address")]
    [InlineData("src=10.0.0.1 ttl: 300 last_seen: 1 oldest_pkt: 1 1", "missing or invalid 'ttl'")]
    [InlineData("src=10.0.0.1 ttl: -1 last_seen: 1 oldest_pkt: 1 1", "missing or invalid 'ttl'")]
    [InlineData("src=10.0.0.1 ttl: 64 last_seen: 99999999999999999999999 oldest_pkt: 1 1", "missing or invalid 'last_seen'")]
    [InlineData("src=10.0.0.1 ttl: 64 last_seen: 1 oldest_pkt: 1 1 2", "packet stamps are not separated by ', '")]
    [InlineData("src=10.0.0.1 ttl: 64 last_seen: 1 oldest_pkt: 1 1, x", "invalid packet stamp")]
    [InlineData("src=10.0.0.1 ttl: 64 last_seen: 1 oldest_pkt: 999 1", "missing or invalid 'oldest_pkt'")]
    [InlineData("\0\0\0\u2028", "does not start with 'src='")]
    public void A_bad_line_is_reported_with_its_reason_and_skipped(string line, string reason)
    {
        var text = CapturedLists.TwoFamilies + line + "\n" + "src=10.1.2.3 ttl: 1 last_seen: 7 oldest_pkt: 1 7\n";

        var result = XtRecentParser.Parse(text);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.LineNumber);
        Assert.Equal(reason, problem.Reason);
        Assert.Equal(line, problem.Line);
        Assert.Equal(3, result.Entries.Count);
    }

    [Fact]
    public void A_huge_line_is_reported_shortened_and_skipped()
    {
        var huge = "src=10.0.0.1 ttl: 64 last_seen: 1 oldest_pkt: 1 " + string.Join(", ", Enumerable.Repeat("1", 100_000));

        var result = XtRecentParser.Parse(huge + "\n" + CapturedLists.TwoFamilies);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(1, problem.LineNumber);
        Assert.Contains("longer than", problem.Reason);
        Assert.Equal(XtRecentParser.MaxReportedLineLength + 1, problem.Line.Length);
        Assert.Equal(2, result.Entries.Count);
    }

    [Fact]
    public void More_stamps_than_the_kernel_can_keep_are_refused()
    {
        var line = "src=10.0.0.1 ttl: 64 last_seen: 1 oldest_pkt: 1 " + string.Join(", ", Enumerable.Repeat("1", XtRecentParser.MaxStamps + 1));

        var result = XtRecentParser.Parse(line);

        Assert.Empty(result.Entries);
        Assert.Equal($"more than {XtRecentParser.MaxStamps} packet stamps", Assert.Single(result.Problems).Reason);
    }

    [Fact]
    public void The_most_stamps_the_kernel_can_keep_are_read()
    {
        var line = "src=10.0.0.1 ttl: 64 last_seen: 1 oldest_pkt: 1 " + string.Join(", ", Enumerable.Range(1, XtRecentParser.MaxStamps));

        var entry = Assert.Single(XtRecentParser.Parse(line).Entries);

        Assert.Equal(XtRecentParser.MaxStamps, entry.PacketJiffies.Count);
        Assert.Equal((ulong)XtRecentParser.MaxStamps, entry.PacketJiffies[^1]);
    }

    [Fact]
    public void Text_cut_off_in_the_middle_of_a_line_keeps_the_complete_lines()
    {
        var cut = CapturedLists.SpacedKnocks[..(CapturedLists.SpacedKnocks.Length - 40)];

        var result = XtRecentParser.Parse(cut);

        Assert.Single(result.Entries);
        Assert.Equal(2, Assert.Single(result.Problems).LineNumber);
    }

    [FsCheck.Xunit.Property]
    public bool Every_non_empty_line_of_any_text_becomes_an_entry_or_a_problem(string? text)
    {
        text ??= "";
        var nonEmptyLines = text.Split('\n').Count(line => (line.EndsWith('\r') ? line[..^1] : line).Length > 0);

        var result = XtRecentParser.Parse(text);

        return result.Entries.Count + result.Problems.Count == nonEmptyLines;
    }
}
