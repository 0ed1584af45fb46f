using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Proposals;

/// <summary>
/// A knock sequence to start from: unprivileged ports drawn at random, none used anywhere else in the configuration
/// (public, protected or another profile's knock, whatever the protocol), no port twice, never only rising or only
/// falling (a sequential port scan would knock those), none inside a rotating profile's port range.
/// </summary>
public static class KnockSequenceProposal
{
    public const int LowestPort = 10000;

    public const int HighestPort = 65000;

    /// <summary>Fewer free ports than this in the usual range, and the proposal draws from every unprivileged port.</summary>
    private const int MinimumChoice = 1000;

    /// <param name="except">The index of the profile being edited, whose own ports are free to reuse.</param>
    /// <param name="next">A uniform draw in [min, max); the panel passes a cryptographic one, since the sequence is a secret.</param>
    public static IReadOnlyList<PortSpec> Propose(FirewallConfig config, int steps, Func<int, int, int> next, int? except = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var taken = config.Settings.PublicPorts.Select(port => port.Port)
            .Concat(config.Profiles.Where((_, index) => index != except).SelectMany(profile => profile.Steps.Concat(profile.ProtectedPorts)).Select(port => port.Port))
            .Concat(except is { } own && own < config.Profiles.Count ? config.Profiles[own].ProtectedPorts.Select(port => port.Port) : [])
            .ToHashSet();
        // A rotating profile's range must stay free of every other knock port.
        var ranges = config.Profiles.Where((profile, index) => index != except && profile.Mode == ProfileMode.Rotating)
            .Select(profile => profile.Rotation).ToList();
        var free = ranges.Count == 0 ? null : FreePorts(ranges, taken);
        if (free is not null && free.Count < steps)
        {
            throw new InvalidOperationException($"Rotating profiles' port ranges leave {free.Count} unprivileged ports free, fewer than the {steps} a sequence needs.");
        }

        while (true)
        {
            var ports = new List<int>();
            while (ports.Count < steps)
            {
                var port = free is null ? next(LowestPort, HighestPort + 1) : free[next(0, free.Count)];
                if (!taken.Contains(port) && !ports.Contains(port))
                {
                    ports.Add(port);
                }
            }

            if (steps < 3 || !IsMonotonic(ports))
            {
                return ports.Select(PortSpec.Tcp).ToList();
            }
        }
    }

    /// <summary>Whether <paramref name="steps"/> only rise or only fall and a new order can fix that: three or more
    /// steps (two ports are always in one order or the other).</summary>
    public static bool CanMix(IReadOnlyList<PortSpec> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.Count >= 3 && IsMonotonic(steps.Select(step => step.Port).ToList());
    }

    /// <summary>The same steps in an order that neither only rises nor only falls, drawn with <paramref name="next"/>.</summary>
    public static IReadOnlyList<PortSpec> Mix(IReadOnlyList<PortSpec> steps, Func<int, int, int> next)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(next);
        if (steps.Count < 3)
        {
            return steps;
        }

        while (true)
        {
            var mixed = steps.ToList();
            for (var i = mixed.Count - 1; i > 0; i--)
            {
                var j = next(0, i + 1);
                (mixed[i], mixed[j]) = (mixed[j], mixed[i]);
            }

            if (!IsMonotonic(mixed.Select(step => step.Port).ToList()))
            {
                return mixed;
            }
        }
    }

    /// <summary>A profile name not in use yet: <paramref name="stem"/>, then <c>stem2</c>, <c>stem3</c>…</summary>
    public static string ProposeName(FirewallConfig config, string stem = "knock")
    {
        ArgumentNullException.ThrowIfNull(config);
        var used = config.Profiles.Select(profile => profile.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Room for a number of up to four digits within the longest name a chain can carry.
        var fitted = stem.Length > Rules.OwnedNames.MaxProfileNameLength - 4 ? stem[..(Rules.OwnedNames.MaxProfileNameLength - 4)] : stem;
        return Enumerable.Range(1, 9999).Select(n => n == 1 ? fitted : $"{fitted}{n}").First(name => !used.Contains(name));
    }

    /// <summary>The ports to draw from beside rotating ranges: the usual range first, every unprivileged port if it is taken up.</summary>
    private static List<int> FreePorts(List<Rotation> ranges, HashSet<int> taken)
    {
        List<int> Outside(int low, int high) =>
            Enumerable.Range(low, high - low + 1).Where(port => !taken.Contains(port) && !ranges.Any(range => range.Contains(port))).ToList();

        var usual = Outside(LowestPort, HighestPort);
        return usual.Count >= MinimumChoice ? usual : Outside(Validation.ValidationLimits.FirstUnprivilegedPort, Validation.ValidationLimits.MaxPort);
    }

    private static bool IsMonotonic(List<int> ports)
    {
        var pairs = ports.Zip(ports.Skip(1)).ToList();
        return pairs.All(pair => pair.First < pair.Second) || pairs.All(pair => pair.First > pair.Second);
    }
}
