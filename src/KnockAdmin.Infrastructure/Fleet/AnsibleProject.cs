using System.IO.Compression;
using System.Reflection;
using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Infrastructure.Fleet;

/// <summary>One file of the Ansible project, by its path relative to the project's directory.</summary>
public sealed record ProjectFile(string Path, string Content);

/// <summary>
/// The Ansible project that rolls this panel's stored configuration out to many hosts: the playbook, the role and
/// an inventory example are fixed text embedded in this assembly; the configuration document is exported now.
/// </summary>
public sealed class AnsibleProject(ConfigBackup backup)
{
    /// <summary>Where the exported configuration document goes in the project (the role's default).</summary>
    public const string DocumentPath = "files/knockadmin-config.json";

    private const string ResourcePrefix = "fleet/";

    public async Task<IReadOnlyList<ProjectFile>> CreateAsync(CancellationToken cancellationToken = default)
    {
        var export = await backup.ExportAsync(includeSecrets: false, cancellationToken);
        return [.. Templates(), new ProjectFile(DocumentPath, export.Json + "\n")];
    }

    /// <summary>The project as a zip archive, every file under <paramref name="root"/>/.</summary>
    public async Task<byte[]> ZipAsync(string root, CancellationToken cancellationToken = default)
    {
        var files = await CreateAsync(cancellationToken);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = archive.CreateEntry($"{root}/{file.Path}", CompressionLevel.Optimal);
                // rw-r--r--: unzip gives the files ordinary permissions.
                entry.ExternalAttributes = Convert.ToInt32("100644", 8) << 16;
                using var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(false));
                writer.Write(file.Content);
            }
        }

        return buffer.ToArray();
    }

    private static IEnumerable<ProjectFile> Templates()
    {
        var assembly = typeof(AnsibleProject).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return new ProjectFile(name[ResourcePrefix.Length..], Read(assembly, name));
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded template {name} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
