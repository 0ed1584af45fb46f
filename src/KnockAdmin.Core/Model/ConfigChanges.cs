namespace KnockAdmin.Core.Model;

/// <summary>
/// What differs between two configurations, in the words an admin reads in a banner:
/// <c>ssh: open window 30 → 45 s</c>, <c>public ports + tcp/443</c>. Profiles are matched by name, lists as sets.
/// </summary>
public static class ConfigChanges
{
    public static IReadOnlyList<string> Describe(FirewallConfig from, FirewallConfig to)
    {
        var changes = new List<string>();
        var before = from.Profiles.ToDictionary(profile => profile.Name, StringComparer.Ordinal);
        var after = to.Profiles.ToDictionary(profile => profile.Name, StringComparer.Ordinal);
        foreach (var profile in to.Profiles)
        {
            if (!before.TryGetValue(profile.Name, out var old))
            {
                changes.Add($"{profile.Name}: new profile ({Ports(profile.Steps)} → {Ports(profile.ProtectedPorts)})");
                continue;
            }

            var prefix = profile.Name + ": ";
            if (!old.Steps.SequenceEqual(profile.Steps))
            {
                changes.Add($"{prefix}knocks {Ports(old.Steps)} → {Ports(profile.Steps)}");
            }

            AddSet(changes, prefix + "protected ports", old.ProtectedPorts.Select(Text), profile.ProtectedPorts.Select(Text));
            AddNumber(changes, prefix + "step timeout", old.StepTimeoutSeconds, profile.StepTimeoutSeconds, " s");
            AddNumber(changes, prefix + "open window", old.OpenWindowSeconds, profile.OpenWindowSeconds, " s");
            if (old.Enabled != profile.Enabled)
            {
                changes.Add(prefix + (profile.Enabled ? "enabled" : "disabled"));
            }
        }

        changes.AddRange(from.Profiles.Where(profile => !after.ContainsKey(profile.Name)).Select(profile => $"{profile.Name}: profile removed"));

        var (a, b) = (from.Settings, to.Settings);
        AddSet(changes, "public ports", a.PublicPorts.Select(Text), b.PublicPorts.Select(Text));
        AddSet(changes, "trusted interfaces", a.TrustedInterfaces, b.TrustedInterfaces);
        AddSet(changes, "trusted sources", a.TrustedSources, b.TrustedSources);
        AddSwitch(changes, "accept established connections", a.AcceptEstablished, b.AcceptEstablished);
        AddSwitch(changes, "IPv6", a.Ipv6, b.Ipv6);
        foreach (var option in GeneratorOptionFields.Switches)
        {
            AddSwitch(changes, option.Change, option.Get(a.Options), option.Get(b.Options));
        }

        foreach (var option in GeneratorOptionFields.Numbers)
        {
            AddNumber(changes, option.Change, option.Get(a.Options), option.Get(b.Options), "");
        }

        return changes;
    }

    private static string Text(PortSpec port) => port.ToString();

    private static string Ports(IEnumerable<PortSpec> ports) => string.Join(", ", ports.Select(Text));

    private static void AddSet(List<string> changes, string what, IEnumerable<string> before, IEnumerable<string> after)
    {
        var (old, now) = (before.ToHashSet(StringComparer.Ordinal), after.ToHashSet(StringComparer.Ordinal));
        var added = now.Where(item => !old.Contains(item)).Order(StringComparer.Ordinal).ToList();
        var removed = old.Where(item => !now.Contains(item)).Order(StringComparer.Ordinal).ToList();
        if (added.Count + removed.Count == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add("+ " + string.Join(", ", added));
        }

        if (removed.Count > 0)
        {
            parts.Add("− " + string.Join(", ", removed));
        }

        changes.Add($"{what} {string.Join(" ", parts)}");
    }

    private static void AddNumber(List<string> changes, string what, int before, int after, string unit)
    {
        if (before != after)
        {
            changes.Add($"{what} {before} → {after}{unit}");
        }
    }

    private static void AddSwitch(List<string> changes, string what, bool before, bool after)
    {
        if (before != after)
        {
            changes.Add($"{what} {(before ? "on" : "off")} → {(after ? "on" : "off")}");
        }
    }
}
