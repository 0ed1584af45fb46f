using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Exposure;

/// <summary>A port something listens on that the rules would drop, with the addresses it listens at.</summary>
public sealed record DroppedService(PortSpec Spec, IReadOnlyList<string> Addresses);

/// <summary>
/// What the rules of a configuration cut off among the services listening on the host: once a profile is enabled
/// the rules end with a refuse rule, so every port that is neither public nor protected by an enabled profile is
/// dropped for everyone but trusted interfaces and sources. Loopback-only sockets are never reachable from outside anyway.
/// </summary>
public static class DroppedServices
{
    public static IReadOnlyList<DroppedService> Of(FirewallConfig config, IEnumerable<ListeningSocket> sockets)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(sockets);
        var enabled = config.Profiles.Where(profile => profile.Enabled).ToList();
        if (enabled.Count == 0)
        {
            // Without an enabled profile there is no final refuse rule: nothing is dropped.
            return [];
        }

        var open = config.Settings.PublicPorts.Concat(enabled.SelectMany(profile => profile.ProtectedPorts)).ToHashSet();
        return sockets
            .Where(socket => !socket.IsLoopbackOnly && !open.Contains(socket.Spec))
            .GroupBy(socket => socket.Spec)
            .OrderBy(group => group.Key.Protocol, StringComparer.Ordinal).ThenBy(group => group.Key.Port)
            .Select(group => new DroppedService(group.Key, group.Select(socket => socket.Address.ToString()).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
