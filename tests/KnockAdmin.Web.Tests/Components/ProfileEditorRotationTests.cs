using Bunit;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Sequences;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Rotating;
using KnockAdmin.Infrastructure.Security;
using KnockAdmin.Web.Components.Pages;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Tests.Components.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace KnockAdmin.Web.Tests.Components;

public sealed class ProfileEditorRotationTests : PanelTestContext
{
    private static readonly KnockProfile Ssh = new()
    {
        Name = "ssh",
        Steps = [PortSpec.Tcp(7000), PortSpec.Tcp(8000), PortSpec.Udp(9000), PortSpec.Tcp(7500)],
        ProtectedPorts = [PortSpec.Tcp(22)],
    };

    private static readonly KnockProfile Rotating = Ssh with
    {
        Name = "door",
        Mode = ProfileMode.Rotating,
        Rotation = new Rotation { PeriodSeconds = 90, Length = 5, PortRangeStart = 20000, PortRangeEnd = 29999 },
    };

    [Fact]
    public async Task Switching_to_rotating_shows_the_default_rotation_and_saving_stores_mode_and_rotation()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find(".mode-switch input"));
        Assert.Empty(page.FindAll("#rotation-period"));

        await page.Find(".mode-switch input").ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.Equal("60", page.Find("#rotation-period").GetAttribute("value")));
        Assert.Equal("4", page.Find("#rotation-length").GetAttribute("value"));
        Assert.Equal("10000", page.Find("#rotation-range-start").GetAttribute("value"));
        Assert.Equal("65000", page.Find("#rotation-range-end").GetAttribute("value"));
        Assert.Empty(page.FindAll("#steps-0-port"));
        Assert.Empty(page.FindAll("[data-severity='error']"));
        await page.Find("#rotation-length").InputAsync(new ChangeEventArgs { Value = "6" });
        await page.Find(".save-button").ClickAsync(new());

        var saved = (await WithAsync<ConfigurationStore, StoredProfile?>(store => store.FindProfileAsync(stored.Id)))!.Profile;
        Assert.Equal(ProfileMode.Rotating, saved.Mode);
        Assert.Equal(new Rotation { Length = 6 }, saved.Rotation);
    }

    [Fact]
    public async Task Saving_another_field_of_a_rotating_profile_keeps_it_rotating_with_its_rotation()
    {
        var stored = await CreateProfileAsync(Rotating);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => Assert.Equal("90", page.Find("#rotation-period").GetAttribute("value")));

        await page.Find("#step-timeout").InputAsync(new ChangeEventArgs { Value = "12" });
        await page.Find(".save-button").ClickAsync(new());

        var saved = (await WithAsync<ConfigurationStore, StoredProfile?>(store => store.FindProfileAsync(stored.Id)))!.Profile;
        Assert.Equal(12, saved.StepTimeoutSeconds);
        Assert.Equal(ProfileMode.Rotating, saved.Mode);
        Assert.Equal(Rotating.Rotation, saved.Rotation);
    }

    [Theory]
    [InlineData("rotation-period", "29", "profiles[0].rotation.periodSeconds", "Period 29 s is outside 30–3600 s.")]
    [InlineData("rotation-period", "3601", "profiles[0].rotation.periodSeconds", "Period 3601 s is outside 30–3600 s.")]
    [InlineData("rotation-length", "2", "profiles[0].rotation.length", "Length 2 is outside 3–16 knocks.")]
    [InlineData("rotation-length", "17", "profiles[0].rotation.length", "Length 17 is outside 3–16 knocks.")]
    [InlineData("rotation-range-end", "19999", "profiles[0].rotation.portRangeEnd", "The port range ends (19999) before it starts (20000).")]
    [InlineData("rotation-range-start", "0", "profiles[0].rotation.portRangeStart", "Port range start 0 is outside 1–65535.")]
    public async Task A_rotation_field_out_of_bounds_says_so_in_words_next_to_it_and_nothing_is_saved(string input, string value, string field, string words)
    {
        var stored = await CreateProfileAsync(Rotating);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find($"#{input}"));

        await page.Find($"#{input}").InputAsync(new ChangeEventArgs { Value = value });
        await page.Find(".save-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(words, page.Find($"[data-field='{field}']").TextContent.Trim()));
        Assert.Single(page.FindAll("[data-severity='error']"));
        var kept = (await WithAsync<ConfigurationStore, StoredProfile?>(store => store.FindProfileAsync(stored.Id)))!;
        Assert.Equal(stored.Version, kept.Version);
        Assert.Equal(Rotating.Rotation, kept.Profile.Rotation);
    }

    [Fact]
    public async Task A_range_holding_another_profiles_knock_port_is_refused_under_the_range()
    {
        await CreateProfileAsync(Ssh);
        var stored = await CreateProfileAsync(Rotating with { Rotation = Rotating.Rotation with { PortRangeStart = 30000, PortRangeEnd = 39999 } });
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find("#rotation-range-start"));

        await page.Find("#rotation-range-start").InputAsync(new ChangeEventArgs { Value = "7000" });

        page.WaitForAssertion(() => Assert.Contains("ssh", page.Find("[data-field='profiles[1].rotation']").TextContent, StringComparison.Ordinal));
        Assert.Equal("error", page.Find("[data-field='profiles[1].rotation']").GetAttribute("data-severity"));
    }

    [Fact]
    public async Task An_admin_makes_a_secret_shown_once_in_base32_and_as_a_QR_code_and_stored_only_encrypted()
    {
        var stored = await CreateProfileAsync(Rotating);
        var dialogs = RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => Assert.Contains("No secret yet", page.Find(".secret-state").TextContent, StringComparison.Ordinal));

        await page.Find(".new-secret-button").ClickAsync(new());

        dialogs.WaitForAssertion(() => dialogs.Find(".new-secret"));
        var shown = dialogs.Find(".new-secret").TextContent.Trim();
        var secret = await WithAsync<ProfileSecrets, byte[]?>(secrets => secrets.ReadAsync(stored.Id));
        Assert.Equal(SimpleBase.Base32.Rfc4648.Encode(secret!, padding: false), shown);
        Assert.Equal(RotatingSequence.SecretBytes, secret!.Length);
        Assert.StartsWith("data:image/png;base64,iVBOR", dialogs.Find(".secret-qr").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal($"knockadmin://rotating/door?secret={shown}&period=90&length=5&start=20000&end=29999",
            dialogs.Find(".secret-uri").TextContent.Trim());
        var row = await WithAsync<KnockAdminDbContext, ProfileSecretEntity>(db => db.ProfileSecrets.SingleAsync());
        Assert.DoesNotContain(shown, row.ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(secret), row.ProtectedSecret, StringComparison.Ordinal);
        var audit = await WithAsync<KnockAdminDbContext, List<AuditEntryEntity>>(db => db.AuditEntries.Where(entry => entry.Action == "profile.secret").ToListAsync());
        Assert.Single(audit);
        Assert.DoesNotContain(shown, audit[0].Detail, StringComparison.Ordinal);

        await dialogs.Find(".secret-done").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".new-secret")));
        page.WaitForAssertion(() => Assert.StartsWith("Made ", page.Find(".secret-state").TextContent.Trim(), StringComparison.Ordinal));
        Assert.DoesNotContain(shown, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_static_profile_switched_to_rotating_offers_no_secret_until_it_is_saved_so()
    {
        var stored = await CreateProfileAsync(Ssh);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find(".mode-switch input"));

        await page.Find(".mode-switch input").ChangeAsync(new ChangeEventArgs { Value = true });

        page.WaitForAssertion(() => Assert.Contains("Save the profile as rotating first", page.Find(".secret-state").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(".new-secret-button"));
    }

    [Fact]
    public async Task A_viewer_reads_the_rotation_as_text_and_never_gets_a_secret_button()
    {
        var stored = await CreateProfileAsync(Rotating);
        await WithAsync<ProfileSecrets, byte[]>(secrets => secrets.ReplaceAsync(stored.Id));
        SignInAs(Roles.Viewer, Time.GetUtcNow());
        RenderProviders();

        var page = Render<CascadingValue<bool>>(parameters => parameters
            .Add(p => p.Name, PanelPage.ReadOnlyCascade)
            .Add(p => p.Value, true)
            .AddChildContent<ProfileEditor>(editor => editor.Add(p => p.Id, stored.Id)));

        page.WaitForAssertion(() => Assert.Equal("rotating: 5 knocks from ports 20000–29999, new every 90 s",
            page.Find(".read-only-facts tr[data-fact='Knock sequence'] td").TextContent.Trim()));
        Assert.Empty(page.FindAll("input"));
        Assert.Empty(page.FindAll(".new-secret-button"));
        Assert.Empty(page.FindAll(".profile-secret"));
    }

    [Fact]
    public async Task A_viewer_whose_page_still_shows_the_button_is_refused_and_no_secret_is_made()
    {
        var stored = await CreateProfileAsync(Rotating);
        RenderProviders();
        var page = Render<ProfileEditor>(parameters => parameters.Add(p => p.Id, stored.Id));
        page.WaitForAssertion(() => page.Find(".new-secret-button"));
        // Demoted while the page was open: the button is still there, the server-side check is not fooled.
        await WithAsync<KnockAdminDbContext, int>(async db =>
        {
            (await db.Users.SingleAsync()).Role = Roles.Viewer;
            return await db.SaveChangesAsync();
        });
        SignInAs(Roles.Viewer, Time.GetUtcNow());

        await page.Find(".new-secret-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".profile-secret .mud-alert")));
        Assert.False(await WithAsync<ProfileSecrets, bool>(secrets => secrets.ExistsAsync(stored.Id)));
        Assert.Empty(page.FindAll(".new-secret"));
    }
}
