using System.Globalization;
using KnockAdmin.Core.Rules;
using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Rotating;

/// <summary>The clients of docs/clients, run as published from the client namespace against the real rules of now.</summary>
public class RotatingClientTests
{
    /// <summary>Rules for the period due now, never in its last seconds, so that client and rules agree on it.</summary>
    private static async Task<KnockServer> StartNowAsync(byte[] secret)
    {
        var server = await KnockServer.StartAsync(null, RotatingConfigs.ProtectedPort);
        var intoPeriod = DateTimeOffset.UtcNow.ToUnixTimeSeconds() % RotatingConfigs.Period;
        if (intoPeriod > RotatingConfigs.Period - 10)
        {
            await Task.Delay(TimeSpan.FromSeconds(RotatingConfigs.Period - intoPeriod + 1));
        }

        await server.ApplyRulesAsync(RuleGenerator.Generate(
            RotatingConfigs.WithTutorial(), new RotationContext(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), new Dictionary<string, byte[]> { ["rot"] = secret })));
        return server;
    }

    private static string[] Arguments(byte[] secret) =>
    [
        Base32(secret), RotatingConfigs.Period.ToString(CultureInfo.InvariantCulture), "4", "10000", "65000",
    ];

    [Fact]
    public async Task The_python_client_opens_the_door_with_the_secret_and_not_without_it()
    {
        HostTools.Require("python3");
        await using var server = await StartNowAsync(RotatingConfigs.Secret);
        var script = Path.Combine(RepositoryRoot.Find(), "docs", "clients", "knock-rotating.py");
        var wrong = RotatingConfigs.Secret.Select(b => (byte)(b ^ 0x55)).ToArray();

        (await server.Pair.InClientAsync(["python3", script, NamespacePair.ServerV4, .. Arguments(wrong)])).EnsureSuccess("python client");
        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        (await server.Pair.InClientAsync(["python3", script, NamespacePair.ServerV4, .. Arguments(RotatingConfigs.Secret)])).EnsureSuccess("python client");
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        (await server.Pair.InClientAsync(["python3", script, NamespacePair.ServerV6, .. Arguments(RotatingConfigs.Secret)])).EnsureSuccess("python client");
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort, NamespacePair.ServerV6));
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("devtcp")]
    public async Task The_bash_client_opens_the_door_over_IPv4_and_IPv6_with_knock_and_with_dev_tcp(string client)
    {
        HostTools.Require("openssl", "knock");
        await using var server = await StartNowAsync(RotatingConfigs.Secret);
        var script = Path.Combine(RepositoryRoot.Find(), "docs", "clients", "knock-rotating.sh");
        var wrong = RotatingConfigs.Secret.Select(b => (byte)(b ^ 0x55)).ToArray();

        (await server.Pair.InClientAsync(["env", $"KNOCK_CLIENT={client}", "bash", script, NamespacePair.ServerV4, .. Arguments(wrong)])).EnsureSuccess("bash client");
        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        (await server.Pair.InClientAsync(["env", $"KNOCK_CLIENT={client}", "bash", script, NamespacePair.ServerV4, .. Arguments(RotatingConfigs.Secret)])).EnsureSuccess("bash client");
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        (await server.Pair.InClientAsync(["env", $"KNOCK_CLIENT={client}", "bash", script, NamespacePair.ServerV6, .. Arguments(RotatingConfigs.Secret)])).EnsureSuccess("bash client");
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort, NamespacePair.ServerV6));
    }

    [Fact]
    public async Task The_powershell_client_opens_the_door_with_the_secret_and_not_without_it()
    {
        HostTools.Require("ip");
        var script = Path.Combine(RepositoryRoot.Find(), "docs", "clients", "knock-rotating.ps1");
        var powershell = PowerShellTool.Command(script);
        await using var server = await StartNowAsync(RotatingConfigs.Secret);
        var wrong = RotatingConfigs.Secret.Select(b => (byte)(b ^ 0x55)).ToArray();

        (await server.Pair.InClientAsync([.. powershell, NamespacePair.ServerV4, .. Arguments(wrong)])).EnsureSuccess("powershell client");
        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        (await server.Pair.InClientAsync([.. powershell, NamespacePair.ServerV4, .. Arguments(RotatingConfigs.Secret)])).EnsureSuccess("powershell client");
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        (await server.Pair.InClientAsync([.. powershell, NamespacePair.ServerV6, .. Arguments(RotatingConfigs.Secret)])).EnsureSuccess("powershell client");
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort, NamespacePair.ServerV6));
    }

    [Fact]
    public async Task The_powershell_client_draws_every_test_vector_of_the_docs()
    {
        var root = RepositoryRoot.Find();
        var powershell = PowerShellTool.Command(Path.Combine(root, "docs", "clients", "knock-rotating.ps1"));
        var rows = File.ReadLines(Path.Combine(root, "docs", "rotating-sequences.md")).Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            var range = cells[3].Split('–');
            string[] command =
            [
                "env", "KNOCK_ROTATING_PRINT=1", $"KNOCK_ROTATING_NOW={cells[4]}",
                .. powershell, "192.0.2.1", Base32(Convert.FromHexString(cells[0].Trim('`'))), cells[1], cells[2], range[0], range[1],
            ];

            var output = (await Run.CommandAsync(command[0], command[1..])).EnsureSuccess("powershell client");

            Assert.Equal(cells[6], output.StandardOutput.Trim());
        }
    }

    /// <summary>RFC 4648 base32 without padding, as the panel shows a secret.</summary>
    private static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new System.Text.StringBuilder();
        for (var bit = 0; bit < bytes.Length * 8; bit += 5)
        {
            var value = 0;
            for (var i = 0; i < 5; i++)
            {
                var index = bit + i;
                value = (value << 1) | (index < bytes.Length * 8 ? (bytes[index / 8] >> (7 - (index % 8))) & 1 : 0);
            }

            text.Append(Alphabet[value]);
        }

        return text.ToString();
    }
}
