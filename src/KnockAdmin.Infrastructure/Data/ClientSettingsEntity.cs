namespace KnockAdmin.Infrastructure.Data;

/// <summary>What the client commands knock; at most one row, with <see cref="SingletonId"/>. A row of its own,
/// apart from the host settings, since it changes no rule.</summary>
public sealed class ClientSettingsEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The public address as <c>PublicAddress.Text</c> writes it: host name and/or addresses.</summary>
    public string PublicAddress { get; set; } = "";
}
