using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;

namespace KnockAdmin.Core.Tests.Sequences;

public class RotatingSequenceTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Every_test_vector_of_the_docs_is_what_the_code_derives()
    {
        var vectors = SequenceVector.FromDocs();

        Assert.True(vectors.Count >= 8, $"Only {vectors.Count} vectors were read from the docs.");
        foreach (var vector in vectors)
        {
            Assert.Equal(vector.Period, RotatingSequence.PeriodAt(vector.UnixTime, vector.Rotation.PeriodSeconds));
            Assert.Equal(vector.Ports, RotatingSequence.Ports(vector.Secret, vector.Rotation, vector.Period));
        }
    }

    [Fact]
    public void A_period_runs_from_its_first_second_to_the_second_before_the_next()
    {
        Assert.Equal(28333333, RotatingSequence.PeriodAt(1700000039, 60));
        Assert.Equal(28333334, RotatingSequence.PeriodAt(1700000040, 60));
        Assert.Equal(1700000040, RotatingSequence.Start(28333334, 60));
        Assert.Equal(-1, RotatingSequence.PeriodAt(-1, 60));
        Assert.Equal(28333334, RotatingSequence.PeriodAt(DateTimeOffset.FromUnixTimeSeconds(1700000040), 60));
    }

    [Fact]
    public void Sequences_have_the_length_asked_for_and_no_port_twice_or_outside_the_range()
    {
        var rotation = new Rotation { Length = 16, PortRangeStart = 30000, PortRangeEnd = 30020 };
        for (long period = 0; period < 300; period++)
        {
            var ports = RotatingSequence.Ports(Secret, rotation, period);

            Assert.Equal(16, ports.Count);
            Assert.Equal(16, ports.Distinct().Count());
            Assert.All(ports, port => Assert.InRange(port, 30000, 30020));
        }
    }

    [Fact]
    public void Every_port_of_a_small_range_is_drawn_about_as_often_as_any_other()
    {
        // A modulo bias or an off-by-one at either end of the range shows as one port drawn far more or less often.
        var rotation = new Rotation { Length = 3, PortRangeStart = 40000, PortRangeEnd = 40009 };
        var counts = new int[10];
        for (long period = 0; period < 4000; period++)
        {
            counts[RotatingSequence.Ports(Secret, rotation, period)[0] - 40000]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 300, 500));
    }

    [Fact]
    public void Neighbouring_periods_and_other_secrets_give_other_sequences()
    {
        var rotation = new Rotation();
        var otherSecret = Secret.Select(b => (byte)(b ^ 1)).ToArray();

        Assert.NotEqual(RotatingSequence.Ports(Secret, rotation, 100), RotatingSequence.Ports(Secret, rotation, 101));
        Assert.NotEqual(RotatingSequence.Ports(Secret, rotation, 100), RotatingSequence.Ports(otherSecret, rotation, 100));
        Assert.Equal(RotatingSequence.Ports(Secret, rotation, 100), RotatingSequence.Ports([.. Secret], rotation, 100));
    }

    [Fact]
    public void Steps_are_tcp_knocks_in_the_order_drawn()
    {
        var rotation = new Rotation();

        var steps = RotatingSequence.Steps(Secret, rotation, 7);

        Assert.Equal(RotatingSequence.Ports(Secret, rotation, 7).Select(PortSpec.Tcp), steps);
    }

    [Fact]
    public void A_short_secret_or_a_range_smaller_than_the_sequence_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RotatingSequence.Ports(new byte[19], new Rotation(), 1));
        Assert.Throws<ArgumentException>(() => RotatingSequence.Ports(Secret, new Rotation { Length = 5, PortRangeStart = 100, PortRangeEnd = 103 }, 1));
        Assert.Throws<ArgumentException>(() => RotatingSequence.Ports(Secret, new Rotation { PortRangeStart = 200, PortRangeEnd = 100 }, 1));
    }
}
