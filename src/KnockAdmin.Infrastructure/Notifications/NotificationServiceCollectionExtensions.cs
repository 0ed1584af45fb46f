using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnockAdmin.Infrastructure.Notifications;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Settings, senders, tests and the delivery worker. The host must configure ASP.NET Core Data Protection (the
    /// panel does, with its key directory); the publishing side (<see cref="INotifier"/>) comes with the storage.
    /// </summary>
    public static IServiceCollection AddKnockAdminNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookSender.HttpClientName)
            // The factory's request logs carry the full URL, and a webhook URL may hold the receiver's token.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(WebhookSender.CreateHandler)
            // Our own per-attempt limit applies; the client's default 100 s must not cut it differently.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<NotificationSecrets>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<EmailSender>();
        services.TryAddSingleton<INotificationTransport, ChannelTransport>();
        services.AddScoped<NotificationSettingsStore>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationTester>();
        services.AddScoped<NotificationHistory>();
        services.AddHostedService<NotificationDeliveryWorker>();
        return services;
    }
}
