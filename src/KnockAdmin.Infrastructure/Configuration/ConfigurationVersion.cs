using System.Security.Cryptography;
using System.Text;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>
/// Fingerprints of what a preview showed: the stored configuration, and the rules generated from it. An apply that
/// names the version it was previewed at is refused when the stored configuration changed since.
/// </summary>
public static class ConfigurationVersion
{
    public static string Of(FirewallConfig config) => Hash(FirewallConfigJson.Serialize(config));

    public static string OfRules(GeneratedRules rules) => Hash(rules.V4.ToSaveText() + "\n" + (rules.V6.IsEmpty ? "" : rules.V6.ToSaveText()));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
