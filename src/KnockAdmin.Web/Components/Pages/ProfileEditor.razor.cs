using System.Text.Json;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Panel;
using Microsoft.AspNetCore.Components;

namespace KnockAdmin.Web.Components.Pages;

/// <summary>One knock profile, new or stored, checked against the others as it is typed.</summary>
public partial class ProfileEditor : PanelPage
{
    [Parameter]
    public int? Id { get; set; }

    /// <summary>The stored profile a new one starts as a copy of (<c>profiles/new?clone=3</c>).</summary>
    [SupplyParameterFromQuery(Name = "clone")]
    public int? CloneId { get; set; }

    private FormSaver saver = default!;
    private ProfileForm? form;
    private string savedName = "";
    private int version;
    private int index;
    private FirewallConfig context = new(new HostSettings(), []);
    private ValidationResult validation = new([]);
    private IReadOnlyList<ValidationIssue> allProfilesIssues = [];
    private string original = "";
    private string? error;
    private string? conflict;
    private bool saving;
    private bool leaving;
    private bool storedRotating;

    private bool IsDirty => form is not null && !leaving && Snapshot(form) != original;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            (context, var stored) = await Scopes.RunAsync<ConfigurationStore, (FirewallConfig, IReadOnlyList<StoredProfile>)>(async store =>
                (await store.LoadAsync(), await store.ListProfilesAsync()));
            if (Id is { } id)
            {
                index = stored.ToList().FindIndex(p => p.Id == id);
                if (index < 0)
                {
                    error = $"Profile {id} does not exist (any more).";
                    form = null;
                    return;
                }

                form = ProfileForm.From(stored[index].Profile);
                version = stored[index].Version;
                savedName = stored[index].Profile.Name;
                storedRotating = stored[index].Profile.IsRotating;
            }
            else
            {
                index = stored.Count;
                form = stored.FirstOrDefault(p => p.Id == CloneId) is { } source
                    ? ProfileForm.CloneOf(source.Profile, context)
                    : ProfileForm.New(context);
            }

            original = Snapshot(form);
            Validate();
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }
    }

    private string Field(string relative) => $"profiles[{index}].{relative}";

    private void Validate()
    {
        var profile = form!.ToProfile();
        validation = ConfigValidator.ValidateProfile(profile, index, context);
        // About all profiles together: disabling the last enabled one takes the final refuse rule away.
        var profiles = context.Profiles.ToList();
        if (index == profiles.Count)
        {
            profiles.Add(profile);
        }
        else
        {
            profiles[index] = profile;
        }

        allProfilesIssues = ConfigValidator.Validate(context with { Profiles = profiles }).Issues.Where(issue => issue.Field == FieldPath.Profiles).ToList();
    }

    private Task ShuffleAsync()
    {
        form!.ShuffleSteps(context, index);
        return ChangedAsync();
    }

    private Task MixAsync()
    {
        form!.MixSteps();
        return ChangedAsync();
    }

    private Task ChangedAsync()
    {
        Validate();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private IReadOnlyList<ValidationIssue> IssuesAt(string field) => validation.Issues.Where(issue => issue.Field == field).ToList();

    private IReadOnlyList<ValidationIssue> IssuesUnder(string relative) => validation.For(Field(relative));

    private bool HasError(string relative) => IssuesAt(Field(relative)).Any(issue => issue.Severity == IssueSeverity.Error);

    /// <summary>Issues of fields that have no place of their own on the form, so none goes unseen.</summary>
    private IReadOnlyList<ValidationIssue> OtherIssues
    {
        get
        {
            string[] shown = ["name", "mode", form!.IsRotating ? "rotation" : "steps", "protectedPorts", "stepTimeoutSeconds", "openWindowSeconds"];
            return validation.Issues
                .Where(issue => !shown.Any(name => FieldPath.IsWithin(issue.Field, Field(name))))
                .ToList();
        }
    }

    private Task SaveAsync()
    {
        conflict = null;
        var profile = form!.ToProfile();
        return saver.SaveAsync(async actor =>
        {
            var saved = await Scopes.RunAsync<ConfigurationStore, StoredProfile>(store => Id is { } id
                ? store.UpdateProfileAsync(id, version, profile, actor)
                : store.CreateProfileAsync(profile, actor));
            leaving = true;
            Navigation.NavigateTo("profiles");
            return $"Profile '{saved.Profile.Name}' saved. Preview and apply to put it into the kernel.";
        });
    }

    private async Task ReloadAsync()
    {
        conflict = null;
        await LoadAsync();
    }

    /// <summary>The profile as a viewer reads it.</summary>
    private IReadOnlyList<(string, string)> Facts
    {
        get
        {
            var profile = form!.ToProfile();
            return
            [
                ("Name", profile.Name),
                ("Enabled", profile.Enabled ? "yes" : "no"),
                ("Knock sequence", SequenceText.Of(profile)),
                ("Protected ports", string.Join(", ", profile.ProtectedPorts)),
                ("Step timeout", $"{profile.StepTimeoutSeconds} s"),
                ("Open window", $"{profile.OpenWindowSeconds} s"),
            ];
        }
    }

    private static string Snapshot(ProfileForm form) => JsonSerializer.Serialize(form.ToProfile());
}
