namespace KnockAdmin.Infrastructure.Data;

/// <summary>Where the database lives. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public const string ConnectionStringName = "KnockAdmin";

    /// <summary>Directory that a relative <c>Data Source</c> is resolved against; empty means the content root.
    /// A relative directory is itself resolved against the content root.</summary>
    public string DataDirectory { get; set; } = "";
}
