using KnockAdmin.Core.Notifications;
using KnockAdmin.Core.Validation;
using KnockAdmin.Infrastructure.Notifications;
using KnockAdmin.Web.Components.Shared;
using KnockAdmin.Web.Panel;
using KnockAdmin.Web.Security;
using MudBlazor;

namespace KnockAdmin.Web.Components.Pages;

/// <summary>Webhook and e-mail channels, the events each receives, a test send, and the recent deliveries.</summary>
public partial class Notifications : PanelPage
{
    private FormSaver saver = default!;
    private NotificationsForm? form;
    private int version;
    private string original = "";
    private IReadOnlyList<ValidationIssue> issues = [];
    private IReadOnlyList<DeliveryView> deliveries = [];
    private readonly Dictionary<int, TestOutcome> outcomes = [];
    private int? testing;
    private bool saving;
    private bool isAdmin;
    private string? error;

    private bool IsDirty => form is not null && form.Snapshot() != original;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            isAdmin = await User.IsAdminAsync();
            var stored = await Scopes.RunAsync<NotificationSettingsStore, StoredNotificationSettings>(store => store.GetAsync());
            Show(stored);
            await LoadDeliveriesAsync();
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }
    }

    private void Show(StoredNotificationSettings stored)
    {
        version = stored.Version;
        // By the role itself: the layout's read-only flag may not be settled yet when the page starts.
        form = NotificationsForm.From(stored, forViewer: !isAdmin);
        original = form.Snapshot();
        Validate();
    }

    private static List<string> AllEvents() => NotificationEventTypes.Subscribable.Select(t => t.Name).ToList();

    private void Validate() => issues = NotificationSettingsValidator.Validate(form!.ToModel(), form.StoredSecrets());

    private Task ChangedAsync() => ChangedAsync(() => { });

    private Task ChangedAsync(Action change)
    {
        change();
        Validate();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private TestOutcome? OutcomeOf(int id) => outcomes.GetValueOrDefault(id);

    private async Task RemoveAsync(Action remove)
    {
        await ChangedAsync(remove);
        Snackbar.Add("Removed from the form; Save to remove it for good.", Severity.Info);
    }

    private Task SaveAsync()
    {
        var settings = form!.ToModel();
        return saver.SaveAsync(async actor =>
        {
            Show(await Scopes.RunAsync<NotificationSettingsStore, StoredNotificationSettings>(store => store.UpdateAsync(version, settings, actor)));
            return "Notification settings saved.";
        });
    }

    private async Task TestAsync(int channelId)
    {
        error = null;
        testing = channelId;
        try
        {
            var actor = await Gate.AdminAsync();
            outcomes[channelId] = await Scopes.RunAsync<NotificationTester, TestOutcome>(tester => tester.SendAsync(channelId, actor));
            await LoadDeliveriesAsync();
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }
        finally
        {
            testing = null;
        }
    }

    private async Task LoadDeliveriesAsync()
    {
        try
        {
            deliveries = await Scopes.RunAsync<NotificationHistory, IReadOnlyList<DeliveryView>>(history => history.RecentAsync());
        }
        catch (Exception exception)
        {
            error = FailureText.Of(exception);
        }
    }
}
