namespace KnockAdmin.Infrastructure.Notifications;

/// <summary>How one attempt went, in words for the admin ("HTTP 204 No Content", "Connection refused").</summary>
/// <param name="Retryable">False when trying again cannot help (the channel is gone or switched off).</param>
public sealed record DeliveryOutcome(bool Delivered, string Description, bool Retryable = true)
{
    public static DeliveryOutcome Success(string description) => new(true, description);

    public static DeliveryOutcome Failure(string description) => new(false, description);

    public static DeliveryOutcome Final(string description) => new(false, description, Retryable: false);
}
