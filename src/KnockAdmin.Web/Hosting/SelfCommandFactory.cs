using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Hosting;

/// <summary>How to start this program again (for the watchdog): its own executable, or the dotnet host with its dll.</summary>
internal static class SelfCommandFactory
{
    public static SelfCommand Create()
    {
        var assembly = typeof(SelfCommandFactory).Assembly.Location;
        var appHost = Path.ChangeExtension(assembly, null);
        if (File.Exists(appHost))
        {
            return new SelfCommand(appHost, []);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return new SelfCommand(string.IsNullOrEmpty(dotnet) ? "dotnet" : dotnet, [assembly]);
    }
}
