using KnockAdmin.Core.Model;

namespace KnockAdmin.Data.Tests;

internal static class Profiles
{
    public static KnockProfile Ssh(string name = "ssh", int firstStep = 1111) => new()
    {
        Name = name,
        Steps = [PortSpec.Tcp(firstStep), PortSpec.Udp(firstStep + 1111), PortSpec.Tcp(firstStep + 2222)],
        ProtectedPorts = [PortSpec.Tcp(22)],
        StepTimeoutSeconds = 10,
        OpenWindowSeconds = 30,
    };
}
