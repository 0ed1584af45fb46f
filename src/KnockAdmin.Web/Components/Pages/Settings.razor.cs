using System.Text.Json;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Rules;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Components.Pages;

/// <summary>Host settings: public ports, trusted interfaces and networks, behaviour and generator options.</summary>
public partial class Settings : PanelPage
{
    private static readonly int[] ShardCounts = [.. Enumerable.Range(0, 7).Select(bits => 1 << bits).Where(count => count <= ValidationLimits.MaxFirstKnockShards)];

    private FormSaver saver = default!;
    private SettingsForm? form;
    private int version;
    private IReadOnlyList<KnockProfile> profiles = [];
    private ValidationResult validation = new([]);
    private string original = "";
    private string? error;
    private bool saving;

    private bool IsDirty => form is not null && Snapshot(form) != original;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var (settings, config) = await Scopes.RunAsync<ConfigurationStore, (StoredSettings, FirewallConfig)>(async store =>
                (await store.GetSettingsAsync(), await store.LoadAsync()));
            profiles = config.Profiles;
            Show(settings);
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }
    }

    private void Show(StoredSettings settings)
    {
        version = settings.Version;
        form = SettingsForm.From(settings.Settings);
        original = Snapshot(form);
        Validate();
    }

    private static string Path(string relative) => $"{ConfigurationStore.SettingsPath}.{relative}";

    /// <summary>Why to split, and what the choice costs in rules for the profiles as they are.</summary>
    private string ShardingHelp
    {
        get
        {
            var why = "A list keeps ip_list_tot addresses and forgets the oldest when full: spread over N lists by the low bits of the "
                + "source, a flood of spoofed first knocks pushes a knocker out N times later. ";
            return validation.Errors.Any(issue => FieldPath.IsWithin(issue.Field, Path("options")))
                ? why
                : why + ShardingCost.Of(new FirewallConfig(form!.ToSettings(), profiles)).Describe();
        }
    }

    private void Validate() => validation = new ValidationResult(
        ConfigValidator.Validate(new FirewallConfig(form!.ToSettings(), profiles)).For(ConfigurationStore.SettingsPath));

    private Task ChangedAsync()
    {
        Validate();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private IReadOnlyList<ValidationIssue> IssuesAt(string relative) => validation.Issues.Where(issue => issue.Field == Path(relative)).ToList();

    private IReadOnlyList<ValidationIssue> IssuesUnder(string relative) => validation.For(Path(relative));

    private IReadOnlyList<ValidationIssue> OtherIssues
    {
        get
        {
            string[] shown = ["publicPorts", "trustedInterfaces", "trustedSources", "options"];
            return validation.Issues.Where(issue => !shown.Any(name => FieldPath.IsWithin(issue.Field, Path(name)))).ToList();
        }
    }

    private Task SaveAsync()
    {
        var settings = form!.ToSettings();
        return saver.SaveAsync(async actor =>
        {
            Show(await Scopes.RunAsync<ConfigurationStore, StoredSettings>(store => store.UpdateSettingsAsync(version, settings, actor)));
            return "Settings saved. Preview and apply to put them into the kernel.";
        });
    }

    /// <summary>The settings as a viewer reads them.</summary>
    private IReadOnlyList<(string, string)> Facts
    {
        get
        {
            var settings = form!.ToSettings();
            static string YesNo(bool on) => on ? "yes" : "no";
            return
            [
                ("Public ports", string.Join(", ", settings.PublicPorts)),
                ("Trusted interfaces", string.Join(", ", settings.TrustedInterfaces)),
                ("Trusted source networks", string.Join(", ", settings.TrustedSources)),
                ("IPv6", YesNo(settings.Ipv6)),
                ("Accept established connections", YesNo(settings.AcceptEstablished)),
                ("Tolerate a repeated knock", YesNo(settings.Options.TolerateRepeatedStep)),
                ("Only TCP SYN packets count as knocks", YesNo(settings.Options.SynOnly)),
                ("Answer like a closed port", YesNo(settings.Options.AnswerAsClosedPort)),
                ("Log accepted knocks", YesNo(settings.Options.LogKnocks)),
                ("Lists per first knock", settings.Options.FirstKnockShards.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ];
        }
    }

    private static string Snapshot(SettingsForm form) => JsonSerializer.Serialize(form.ToSettings());
}
