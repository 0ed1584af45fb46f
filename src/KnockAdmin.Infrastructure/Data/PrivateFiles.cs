using Microsoft.Data.Sqlite;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>
/// Files that hold secrets (the database with its password and token hashes and snapshots, exported rules) are
/// created readable by their owner only, whatever the umask of whoever starts the panel or a verb.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerOnlyDirectory = OwnerOnly | UnixFileMode.UserExecute;

    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private static readonly string[] DatabaseCompanions = ["", "-wal", "-shm", "-journal"];

    /// <summary>
    /// Before SQLite opens the database: creates its directory (0700) and an empty database file (0600) when they do
    /// not exist, so the -wal and -shm files, which SQLite creates with the database file's mode, are 0600 too; an
    /// existing database or companion that others may read is narrowed to 0600.
    /// </summary>
    /// <returns>The files whose mode was narrowed, for a warning.</returns>
    public static IReadOnlyList<string> PrepareDatabase(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (OperatingSystem.IsWindows() || builder.Mode == SqliteOpenMode.Memory || !Path.IsPathRooted(source))
        {
            return [];
        }

        if (Path.GetDirectoryName(source) is { Length: > 0 } directory && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }

        if (!File.Exists(source))
        {
            try
            {
                // An empty file is an empty database to SQLite.
                using var created = Create(source);
            }
            catch (IOException) when (File.Exists(source))
            {
                // Another process created it first; narrowed below like any existing file.
            }
        }

        var narrowed = new List<string>();
        foreach (var path in DatabaseCompanions.Select(suffix => source + suffix))
        {
            if (Narrow(path))
            {
                narrowed.Add(path);
            }
        }

        return narrowed;
    }

    /// <summary>A new file, readable and writable by its owner only; fails when it exists.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    /// <summary>Writes <paramref name="text"/> to a new file readable by its owner only (replacing a leftover one).</summary>
    public static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        File.Delete(path);
        await using var stream = Create(path);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }

    /// <summary>Removes group and other permissions from an existing file; false when it had none or cannot be changed.</summary>
    private static bool Narrow(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return false;
        }

        try
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & OthersAndGroup) == 0)
            {
                return false;
            }

            File.SetUnixFileMode(path, mode & ~OthersAndGroup);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            // Someone else's file: this process may read it but not change its mode; nothing to do here.
            return false;
        }
    }
}
