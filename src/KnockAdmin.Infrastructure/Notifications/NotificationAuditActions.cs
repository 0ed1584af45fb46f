namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>Audit action names for notification settings and tests. Secrets never appear in their details.</summary>
public static class NotificationAuditActions
{
    public const string Update = "notifications.update";
    public const string Test = "notifications.test";
}
