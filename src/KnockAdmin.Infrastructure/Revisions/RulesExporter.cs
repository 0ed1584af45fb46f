using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Firewall;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>
/// Writes the full live ruleset in iptables-save format as <c>rules.v4</c> and <c>rules.v6</c>, the files
/// netfilter-persistent restores at boot (/etc/iptables/), readable by their owner only.
/// </summary>
public sealed class RulesExporter(FirewallCommands commands, FirewallDetector detector)
{
    public async Task<IReadOnlyList<string>> ExportAsync(string directory, CancellationToken cancellationToken = default)
    {
        var backend = await detector.DetectAsync(cancellationToken);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (family, file) in new[] { (IpFamily.V4, "rules.v4"), (IpFamily.V6, "rules.v6") })
        {
            if (family == IpFamily.V6 && !backend.Ipv6Tools)
            {
                continue;
            }

            var path = Path.Combine(directory, file);
            // Write then rename: netfilter-persistent never reads a half-written file. The rules name trusted networks
            // and protected ports, so only the owner (root for netfilter-persistent) may read them.
            var temporary = path + ".tmp";
            await PrivateFiles.WriteTextAsync(temporary, await commands.SaveAsync(family, cancellationToken), cancellationToken);
            File.Move(temporary, path, overwrite: true);
            written.Add(path);
        }

        return written;
    }
}
