using KnockAdmin.Web.Security;

namespace KnockAdmin.Web.Tests.Security;

public sealed class BindingCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://0.0.0.0:5443")]
    [InlineData("https://*:5443")]
    [InlineData("https://192.168.1.5:5443")]
    [InlineData("http://unix:/run/knockadmin.sock")]
    public void Loopback_https_and_unix_sockets_raise_no_warning(string url) =>
        Assert.False(BindingCheck.IsPlainHttpBeyondLoopback(url));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://192.168.1.5:5080")]
    [InlineData("http://10.0.0.1")]
    [InlineData("http://[2001:db8::5]:5080")]
    [InlineData("http://knock.example.org:5080")]
    [InlineData("HTTP://0.0.0.0:5080")]
    public void Plain_http_on_anything_but_loopback_is_found(string url) =>
        Assert.True(BindingCheck.IsPlainHttpBeyondLoopback(url));

    [Fact]
    public void Only_the_exposed_addresses_of_a_list_are_named_in_the_warning()
    {
        var exposed = BindingCheck.PlainHttpBeyondLoopback(["http://127.0.0.1:5080", " http://0.0.0.0:5081 ", "https://[::]:5443", ""]);

        Assert.Equal(["http://0.0.0.0:5081"], exposed);
        var warning = BindingCheck.WarningFor(exposed);
        Assert.Contains("http://0.0.0.0:5081 WITHOUT HTTPS", warning);
        Assert.Contains("Kestrel:Endpoints:Https", warning);
    }

    [Fact]
    public void The_default_binding_is_loopback()
    {
        var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")));

        var urls = settings.RootElement.GetProperty("Urls").GetString()!;

        Assert.Empty(BindingCheck.PlainHttpBeyondLoopback(urls.Split(';')));
        Assert.StartsWith("http://127.0.0.1:", urls);
    }
}
