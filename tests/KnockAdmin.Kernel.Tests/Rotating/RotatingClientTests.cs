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
    public async Task The_bash_client_opens_the_door_with_knock_and_with_dev_tcp(string client)
    {
        HostTools.Require("openssl", "knock");
        await using var server = await StartNowAsync(RotatingConfigs.Secret);
        var script = Path.Combine(RepositoryRoot.Find(), "docs", "clients", "knock-rotating.sh");
        var wrong = RotatingConfigs.Secret.Select(b => (byte)(b ^ 0x55)).ToArray();

        (await server.Pair.InClientAsync(["env", $"KNOCK_CLIENT={client}", "bash", script, NamespacePair.ServerV4, .. Arguments(wrong)])).EnsureSuccess("bash client");
        Assert.False(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));

        (await server.Pair.InClientAsync(["env", $"KNOCK_CLIENT={client}", "bash", script, NamespacePair.ServerV4, .. Arguments(RotatingConfigs.Secret)])).EnsureSuccess("bash client");
        Assert.True(await server.ConnectsAsync(RotatingConfigs.ProtectedPort));
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
