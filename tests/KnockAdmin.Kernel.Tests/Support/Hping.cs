namespace KnockAdmin.Kernel.Tests.Support;

/// <summary>hping3 in the client namespace: TCP SYNs to the server, spoofed or from a random source.</summary>
public static class Hping
{
    /// <summary>
    /// Sends <paramref name="count"/> SYNs and checks that hping3 sent them all. hping3 exits with 1 when nothing
    /// answers, which is what a knock port does, so its statistics line is the measure, not its exit code.
    /// </summary>
    public static async Task SendAsync(NamespacePair pair, int count, params string[] arguments)
    {
        HostTools.Require("hping3");
        var result = await pair.InClientAsync(["timeout", "60", "hping3", "-q", "-S", "-c", count.ToString(), .. arguments, NamespacePair.ServerV4]);
        var output = result.StandardOutput + result.StandardError;
        if (result.ExitCode is not (0 or 1) || !output.Contains($"{count} packets transmitted", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"hping3 did not send {count} packets (exit code {result.ExitCode}): {output.Trim()}");
        }
    }
}
