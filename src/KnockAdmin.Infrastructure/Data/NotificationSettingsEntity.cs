namespace KnockAdmin.Infrastructure.Data;

/// <summary>The version of the notification settings as a whole; at most one row, with <see cref="SingletonId"/>.</summary>
public sealed class NotificationSettingsEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Raised by one on every save; a save based on an older version is refused as a conflict.</summary>
    public int Version { get; set; }
}
