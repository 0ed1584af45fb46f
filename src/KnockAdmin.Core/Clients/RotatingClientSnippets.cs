using System.Globalization;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Clients;

/// <summary>
/// Commands that run the clients of docs/clients for a rotating profile: each derives the sequence of the moment
/// from the secret, which the commands read from <c>KNOCK_SECRET</c> so it never lands on a page or in a history file.
/// </summary>
internal static class RotatingClientSnippets
{
    public const string SecretVariable = "KNOCK_SECRET";

    public static IReadOnlyList<ClientSnippet> Create(KnockProfile profile, ClientHost host)
    {
        var rotation = profile.Rotation;
        if (rotation is null
            || rotation.PeriodSeconds is < ValidationLimits.MinRotationPeriodSeconds or > ValidationLimits.MaxRotationPeriodSeconds
            || rotation.Length is < ValidationLimits.MinRotationLength or > ValidationLimits.MaxRotationLength
            || rotation.PortRangeStart < ValidationLimits.MinPort || rotation.PortRangeEnd > ValidationLimits.MaxPort
            || rotation.PortRangeEnd - rotation.PortRangeStart + 1 < rotation.Length)
        {
            throw new ArgumentException("The profile's rotation needs a period, a length and a port range within their limits; validate it first.", nameof(profile));
        }

        var numbers = string.Join(' ', new[] { rotation.PeriodSeconds, rotation.Length, rotation.PortRangeStart, rotation.PortRangeEnd }
            .Select(number => number.ToString(CultureInfo.InvariantCulture)));
        var hint = new KnockSequence(host, [], profile.ProtectedPorts?.FirstOrDefault(KnockSequence.IsUsable), profile.OpenWindowSeconds).ConnectHint();
        return
        [
            new ClientSnippet(ClientSnippets.Bash, "bash (openssl, with knock or /dev/tcp)", $"bash knock-rotating.sh {host} \"${SecretVariable}\" {numbers}{hint}"),
            new ClientSnippet(ClientSnippets.PowerShell, "PowerShell (Windows, macOS, Linux)", $"./knock-rotating.ps1 {host} $env:{SecretVariable} {numbers}{hint}"),
            new ClientSnippet(ClientSnippets.Python, "Python 3", $"python3 knock-rotating.py {host} \"${SecretVariable}\" {numbers}{hint}"),
        ];
    }
}
