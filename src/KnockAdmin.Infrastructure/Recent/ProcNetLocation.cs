using System.Diagnostics;
using KnockAdmin.Infrastructure.Firewall;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Where <c>/proc/net</c> of the managed network namespace is. For the process's own namespace that is
/// <c>/proc/net</c>; for a named one, a long-lived anchor process is kept inside it and its
/// <c>/proc/&lt;pid&gt;/net</c> is used, which shows the namespace the pid lives in.
/// </summary>
public sealed class ProcNetLocation : IDisposable
{
    /// <summary>Where iproute2 keeps named network namespaces.</summary>
    public const string NamedNamespacesDirectory = "/run/netns";

    private static readonly TimeSpan AnchorStartTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private Process? anchor;
    private bool disposed;

    public ProcNetLocation(IOptions<FirewallOptions> options)
        : this(options.Value.NetworkNamespace)
    {
    }

    public ProcNetLocation(string? networkNamespace)
    {
        NetworkNamespace = string.IsNullOrWhiteSpace(networkNamespace) ? null : networkNamespace.Trim();
        if (NetworkNamespace is not null && !IsValidNamespaceName(NetworkNamespace))
        {
            throw new ArgumentException(
                $"Firewall:NetworkNamespace '{NetworkNamespace}' is not a valid network namespace name.", nameof(networkNamespace));
        }
    }

    public string? NetworkNamespace { get; }

    /// <summary>The directory of the recent lists of the managed namespace.</summary>
    public string XtRecentDirectory => Path.Combine(GetProcNet(), "xt_recent");

    /// <summary>The process id of the anchor, when a namespace is configured and the anchor runs.</summary>
    public int? AnchorProcessId
    {
        get
        {
            lock (gate)
            {
                return anchor is { HasExited: false } ? anchor.Id : null;
            }
        }
    }

    /// <exception cref="NetworkNamespaceUnavailableException">The configured namespace cannot be entered.</exception>
    public string GetProcNet()
    {
        if (NetworkNamespace is null)
        {
            return "/proc/net";
        }

        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            // The anchor alone would keep a deleted namespace alive, and we would go on showing its ghost.
            if (!File.Exists(Path.Combine(NamedNamespacesDirectory, NetworkNamespace)))
            {
                Stop(anchor);
                anchor = null;
                throw new NetworkNamespaceUnavailableException(NetworkNamespace, $"it does not exist (no {NamedNamespacesDirectory}/{NetworkNamespace})");
            }

            if (anchor is null || anchor.HasExited)
            {
                anchor?.Dispose();
                anchor = null;
                anchor = StartAnchor(NetworkNamespace);
            }

            return $"/proc/{anchor.Id}/net";
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            Stop(anchor);
            anchor = null;
        }
    }

    /// <summary>Same rule as iproute2: a file name under /run/netns.</summary>
    private static bool IsValidNamespaceName(string name) =>
        name.Length <= 255 && name is not "." and not ".." && !name.Contains('/') && !name.Contains('\0');

    private static Process StartAnchor(string networkNamespace)
    {
        // "cat" on a pipe we hold open rather than "sleep infinity": if this process dies without disposing,
        // the pipe closes, cat exits, and no orphan keeps the namespace alive.
        var info = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "netns", "exec", networkNamespace, "cat" })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new NetworkNamespaceUnavailableException(networkNamespace, "could not start 'ip'");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new NetworkNamespaceUnavailableException(networkNamespace, $"could not start 'ip' ({exception.Message}); is iproute2 installed?");
        }

        var stopwatch = Stopwatch.StartNew();
        // /proc/<pid>/net shows the new namespace only once "ip" has entered it and exec'd the anchor.
        while (!HasBecome(process.Id, "cat"))
        {
            if (process.HasExited)
            {
                var error = process.StandardError.ReadToEnd().Trim();
                process.Dispose();
                throw new NetworkNamespaceUnavailableException(networkNamespace,
                    string.IsNullOrEmpty(error) ? "'ip netns exec' failed" : error);
            }

            if (stopwatch.Elapsed > AnchorStartTimeout)
            {
                Stop(process);
                throw new NetworkNamespaceUnavailableException(networkNamespace, "the namespace could not be entered in time");
            }

            Thread.Sleep(5);
        }

        return process;
    }

    private static bool HasBecome(int pid, string program)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            var first = commandLine.Split('\0')[0];
            return Path.GetFileName(first) == program;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }
}
