using KnockAdmin.Core.Notifications;

namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>Delivery of notifications (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait before the first retry; each later wait doubles.</summary>
    public double FirstRetrySeconds { get; set; } = 10;

    /// <summary>The longest wait between two attempts.</summary>
    public double MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How long one attempt (an HTTP request, an SMTP conversation) may take.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>How often the outbox is read for events written by other processes (the watchdog, the command line).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Events and their deliveries older than this are removed (none that still wait for a retry).</summary>
    public int KeepDays { get; set; } = 30;

    public DeliveryBackoff Backoff => new(
        Math.Max(1, MaxAttempts), TimeSpan.FromSeconds(Math.Max(0, FirstRetrySeconds)), TimeSpan.FromSeconds(Math.Max(0, MaxRetrySeconds)));

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(0.1, TimeoutSeconds));

    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.1, PollSeconds));
}
