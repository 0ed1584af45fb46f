namespace KnockAdmin.Web.Panel;

/// <summary>How long the server keeps what an open page needs after the page is gone (section <c>Pages</c>).</summary>
public sealed class PagesOptions
{
    public const string Section = "Pages";

    /// <summary>
    /// A page whose connection dropped can reconnect within this many seconds and carry on; after it, the browser
    /// offers a reload. Blazor's default is three minutes, during which every closed tab still holds its memory.
    /// </summary>
    public int DisconnectedRetentionSeconds { get; set; } = 30;

    /// <summary>Quiet seconds after the last page closed before the memory of closed pages is handed back to the system.</summary>
    public int ReturnMemoryAfterSeconds { get; set; } = 10;
}
