namespace KnockAdmin.Benchmarks.Knock;

/// <summary>A knock client as a user runs it: the commands it starts, one after the other, for a sequence of TCP ports.</summary>
public sealed record KnockClient(string Name, Func<string, IReadOnlyList<int>, IReadOnlyList<string[]>> Commands)
{
    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>knockd's client: every knock from one process, no delay between them.</summary>
    public static KnockClient Knockd { get; } = new("knock -d 0",
        (host, ports) => [["knock", "-d", "0", host, .. ports.Select(Text)]]);

    /// <summary>One nmap per step, with the options that work on current nmap (no DNS, no retries, short host timeout).</summary>
    public static KnockClient Nmap { get; } = new("nmap per step",
        (host, ports) => [.. ports.Select(port => new[] { "nmap", "-Pn", "-n", "--host-timeout", "201ms", "--max-retries", "0", "-p", Text(port), host })]);

    /// <summary>One netcat connect per step; a dropped knock makes each wait for its one-second timeout.</summary>
    public static KnockClient Netcat { get; } = new("nc -z -w 1 per step",
        (host, ports) => [.. ports.Select(port => new[] { "nc", "-z", "-w", "1", host, Text(port) })]);

    public static IReadOnlyList<KnockClient> All { get; } = [Knockd, Nmap, Netcat];
}
