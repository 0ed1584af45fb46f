using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Rotating;
using KnockAdmin.Kernel.Tests.Lists;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Rotating;

/// <summary>
/// A rotating door in a real kernel, knocked with knockd's client. The rules are generated for a chosen moment, so the
/// tests move from period to period without waiting; every rotation is the product's <see cref="ChainRotator"/>.
/// </summary>
public class RotatingDoorTests
{
    private static async Task<KnockServer> StartAtAsync(int offset)
    {
        var server = await KnockServer.StartAsync(null, RotatingConfigs.ProtectedPort, 22);
        await server.ApplyRulesAsync(Rules(offset));
        return server;
    }

    private static GeneratedRules Rules(int offset) =>
        RuleGenerator.Generate(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(offset)));

    /// <summary>The product's rotation to the period <paramref name="offset"/> periods on, which must write.</summary>
    private static async Task RotateAsync(KnockServer server, int offset)
    {
        var results = await server.RotateAsync(RotatingConfigs.WithTutorial(), RotatingConfigs.At(RotatingConfigs.MomentOf(offset)));

        Assert.Equal([new ProfileRotationResult("rot", RotatingConfigs.PeriodOf(offset), ProfileRotationOutcome.Rotated)], results);
    }

    [Fact]
    public async Task The_sequence_of_the_current_period_opens_the_door()
    {
        await using var server = await StartAtAsync(0);
        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        await server.KnockAsync(RotatingConfigs.Ports(0));

        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task The_sequence_of_the_previous_period_opens_the_door_too()
    {
        await using var server = await StartAtAsync(0);

        await server.KnockAsync(RotatingConfigs.Ports(-1));

        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task The_current_sequence_opens_the_door_over_IPv6()
    {
        await using var server = await StartAtAsync(0);

        await server.KnockV6Async(RotatingConfigs.Ports(0));

        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort, NamespacePair.ServerV6));
    }

    [Fact]
    public async Task A_sequence_recorded_two_periods_ago_does_not_open_the_door()
    {
        await using var server = await StartAtAsync(0);
        await server.KnockAsync(RotatingConfigs.Ports(0));
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        await RotateAsync(server, 1);
        await RotateAsync(server, 2);
        await server.KnockAsync(RotatingConfigs.Ports(0));

        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task Knocks_of_the_previous_and_the_current_period_never_add_up_to_an_opening()
    {
        await using var server = await StartAtAsync(0);
        var previous = RotatingConfigs.Ports(-1);
        var current = RotatingConfigs.Ports(0);
        string[][] mixes =
        [
            [previous[0], previous[1], current[2], current[3]],
            [current[0], current[1], previous[2], previous[3]],
            [previous[0], current[1], current[2], current[3]],
            [current[0], previous[1], current[2], previous[3]],
            [current[0], current[1], current[2], previous[3]],
        ];

        foreach (var mix in mixes)
        {
            await server.KnockAsync(mix);

            Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort), $"{string.Join(' ', mix)} opened the door.");
        }

        await server.KnockAsync(current);
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task A_client_mid_knock_across_a_boundary_still_gets_in()
    {
        await using var server = await StartAtAsync(0);
        var sequence = RotatingConfigs.Ports(0);

        await server.KnockAsync(sequence[0], sequence[1]);
        await RotateAsync(server, 1);
        await server.KnockAsync(sequence[2], sequence[3]);

        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task A_client_mid_knock_when_its_period_becomes_two_periods_old_loses_its_progress()
    {
        await using var server = await StartAtAsync(0);
        var sequence = RotatingConfigs.Ports(0);

        await server.KnockAsync(sequence[0], sequence[1]);
        await RotateAsync(server, 1);
        await RotateAsync(server, 2);
        await server.KnockAsync(sequence[2], sequence[3]);

        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task An_address_inside_its_open_window_keeps_it_across_a_rotation()
    {
        await using var server = await StartAtAsync(0);
        await server.KnockAsync(RotatingConfigs.Ports(0));

        await RotateAsync(server, 1);
        await RotateAsync(server, 2);

        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task The_static_door_next_to_it_works_across_rotations()
    {
        await using var server = await StartAtAsync(0);
        await server.KnockAsync("1111", "2222");

        await RotateAsync(server, 1);
        await server.KnockAsync("3333");

        Assert.True(await server.ConnectsAsync(22));
        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }

    [Fact]
    public async Task A_hundred_rotations_leave_the_rules_the_generator_s_and_the_lists_of_two_periods_only()
    {
        await using var server = await StartAtAsync(0);
        await server.KnockAsync(RotatingConfigs.Ports(0)[0]);

        for (var offset = 1; offset <= 100; offset++)
        {
            await RotateAsync(server, offset);
        }

        var live = await ListFiles.LiveRulesAsync(server.Pair);
        Assert.Equal(Rules(100).V4.ToSaveText(), live.V4.ToSaveText());
        Assert.Equal(Rules(100).V6.ToSaveText(), live.V6.ToSaveText());
        var periodLists = (await ListFiles.NamesAsync(server.Pair)).Where(name => name.Contains("-P", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { 99, 100 }.SelectMany(offset => new[] { "KA", "KA6" }.SelectMany(prefix =>
                Enumerable.Range(1, 3).Select(stage => $"{prefix}-rot-P{RotatingConfigs.PeriodOf(offset)}-S{stage}"))).Order(StringComparer.Ordinal),
            periodLists);
        await server.KnockAsync(RotatingConfigs.Ports(99));
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
    }
}
