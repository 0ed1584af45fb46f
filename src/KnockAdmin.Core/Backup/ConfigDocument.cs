using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Backup;

/// <summary>
/// The backup document of a whole configuration, in the shape of the current <see cref="ConfigDocumentSchema.Current"/>.
/// Every member is nullable so that a missing one is reported with its path instead of taking a silent default.
/// </summary>
public sealed record ConfigDocument
{
    public int? SchemaVersion { get; init; }

    /// <summary>Always <see cref="ConfigDocumentSchema.Product"/>: a document of another program is refused in words.</summary>
    public string? Product { get; init; }

    /// <summary>When it was written (informational).</summary>
    public DateTimeOffset? ExportedAt { get; init; }

    /// <summary>The stored-configuration version it was exported at (informational; an import names its own base).</summary>
    public string? ConfigVersion { get; init; }

    public SettingsDocument? Settings { get; init; }

    public List<ProfileDocument?>? Profiles { get; init; }

    /// <summary>
    /// Present only when exported with secrets. The configuration holds none today, so it is an empty object; the
    /// rotation secrets of a later schema go here.
    /// </summary>
    public SecretsDocument? Secrets { get; init; }
}

public sealed record SettingsDocument
{
    public List<PortDocument?>? PublicPorts { get; init; }

    public List<string?>? TrustedInterfaces { get; init; }

    public List<string?>? TrustedSources { get; init; }

    public bool? AcceptEstablished { get; init; }

    public bool? Ipv6 { get; init; }

    /// <summary>Written whole: every option of <see cref="GeneratorOptions"/> under its camelCase name.</summary>
    public GeneratorOptions? Options { get; init; }
}

public sealed record ProfileDocument
{
    public string? Name { get; init; }

    public List<PortDocument?>? Steps { get; init; }

    public List<PortDocument?>? ProtectedPorts { get; init; }

    public int? StepTimeoutSeconds { get; init; }

    public int? OpenWindowSeconds { get; init; }

    public bool? Enabled { get; init; }

    /// <summary><c>static</c> or <c>rotating</c> (since version 3).</summary>
    public string? Mode { get; init; }

    /// <summary>The rotation settings (since version 3); the secret is never part of the document.</summary>
    public RotationDocument? Rotation { get; init; }
}

public sealed record RotationDocument(int? PeriodSeconds, int? Length, int? PortRangeStart, int? PortRangeEnd);

public sealed record PortDocument(int? Port, string? Protocol);

/// <summary>Secrets of the configuration; none are exported: a rotating profile's secret stays on its host.</summary>
public sealed record SecretsDocument;
