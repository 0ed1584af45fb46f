using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Clients;

/// <summary>What every snippet needs: where to knock, the steps, and what to connect to afterwards.</summary>
internal sealed record KnockSequence(ClientHost Host, IReadOnlyList<PortSpec> Steps, PortSpec? FirstProtected, int OpenWindowSeconds)
{
    public bool AllUdp => Steps.All(step => step.Protocol == Protocols.Udp);

    public static KnockSequence From(KnockProfile profile, ClientHost host)
    {
        // Only numbers and the two known protocol words reach the commands.
        var steps = profile.Steps;
        if (steps is null || steps.Count == 0 || steps.Any(step => !IsUsable(step)))
        {
            throw new ArgumentException("The profile needs 1 or more steps, each with a port 1–65535 and protocol tcp or udp; validate it first.", nameof(profile));
        }

        var firstProtected = profile.ProtectedPorts?.FirstOrDefault(IsUsable);
        return new KnockSequence(host, steps, firstProtected, profile.OpenWindowSeconds);
    }

    /// <summary>The closing comment: how to use the opened port within the window.</summary>
    public string ConnectHint() => FirstProtected switch
    {
        null => "",
        { Protocol: Protocols.Tcp, Port: 22 } => $"\n# then, within {OpenWindowSeconds} s: ssh -p 22 {Host}",
        _ => $"\n# then, within {OpenWindowSeconds} s: connect to {Host} on {FirstProtected.Protocol} port {FirstProtected.Port}",
    };

    internal static bool IsUsable(PortSpec? spec) =>
        spec is not null && spec.Port is >= ValidationLimits.MinPort and <= ValidationLimits.MaxPort && Protocols.IsKnown(spec.Protocol);
}
