using System.Globalization;
using KnockAdmin.Core.Recent;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>
/// Reads the live xt_recent lists of the managed namespace, with wall-clock times and each list's fill.
/// Never throws for a missing module, missing privileges or a bad line: the snapshot says what is wrong.
/// </summary>
public sealed class XtRecentReader(ProcNetLocation location, KernelClockReader clockReader)
{
    public const string ListCapacityFile = "/sys/module/xt_recent/parameters/ip_list_tot";

    /// <summary>Only a loadable module has an init state; a built-in one has its /sys/module directory without it.</summary>
    public const string ModuleDirectory = "/sys/module/xt_recent";

    /// <param name="includeForeign">Also read lists that other rules own (names without the KnockAdmin prefix).</param>
    public async Task<RecentSnapshot> ReadAsync(bool includeForeign = false, CancellationToken cancellationToken = default)
    {
        string directory;
        try
        {
            directory = location.XtRecentDirectory;
        }
        catch (NetworkNamespaceUnavailableException exception)
        {
            return RecentSnapshot.Unavailable(RecentAvailability.Missing, exception.Message);
        }

        if (!Directory.Exists(directory))
        {
            return RecentSnapshot.Unavailable(RecentAvailability.Missing,
                $"{directory} does not exist: the kernel's xt_recent module is not loaded (it is loaded with the first rule that uses the recent match).");
        }

        string[] names;
        try
        {
            names = Directory.GetFiles(directory).Select(Path.GetFileName).OfType<string>()
                .Where(name => includeForeign || OwnedNames.IsOwnedList(name))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (UnauthorizedAccessException)
        {
            return RecentSnapshot.Unavailable(RecentAvailability.NotPermitted, $"{directory} cannot be listed: permission denied (run as root).");
        }
        catch (DirectoryNotFoundException)
        {
            return RecentSnapshot.Unavailable(RecentAvailability.Missing, $"{directory} disappeared while reading (namespace gone?).");
        }

        var capacity = ReadListCapacity();
        var texts = new List<(string Name, string? Text, string? Error)>();
        var notPermitted = false;
        foreach (var name in names)
        {
            try
            {
                texts.Add((name, await File.ReadAllTextAsync(Path.Combine(directory, name), cancellationToken), null));
            }
            catch (UnauthorizedAccessException)
            {
                notPermitted = true;
                texts.Add((name, null, "permission denied (run as root)"));
            }
            catch (IOException exception)
            {
                texts.Add((name, null, exception is FileNotFoundException ? "removed while reading" : exception.Message));
            }
        }

        // The clock is read after the lists, so no stamp lies in its future.
        KernelClock? clock = null;
        string? message = null;
        try
        {
            clock = await clockReader.ReadAsync(cancellationToken);
        }
        catch (KernelClockUnavailableException exception)
        {
            message = $"Times are unknown: {exception.Message}";
            notPermitted = true;
        }

        var lists = texts.Select(list => ToReading(list.Name, list.Text, list.Error, clock, capacity)).ToList();
        if (notPermitted && message is null)
        {
            message = "Some lists could not be read: permission denied (run as root).";
        }

        return new RecentSnapshot(notPermitted ? RecentAvailability.NotPermitted : RecentAvailability.Available, message, clock, capacity, lists, ReadBuild());
    }

    /// <summary>Entries the kernel keeps per list (<c>ip_list_tot</c>); null when the module is not loaded.</summary>
    public static int? ReadListCapacity()
    {
        try
        {
            return int.TryParse(File.ReadAllText(ListCapacityFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Built in or a module: decides whether the kernel command line or a modprobe option raises ip_list_tot.</summary>
    public static XtRecentBuild ReadBuild()
    {
        try
        {
            return !Directory.Exists(ModuleDirectory) ? XtRecentBuild.Unknown
                : File.Exists(Path.Combine(ModuleDirectory, "initstate")) ? XtRecentBuild.Module
                : XtRecentBuild.BuiltIn;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return XtRecentBuild.Unknown;
        }
    }

    private static RecentListReading ToReading(string name, string? text, string? error, KernelClock? clock, int? capacity)
    {
        if (text is null)
        {
            return new RecentListReading(name, [], [], capacity, error);
        }

        var parsed = XtRecentParser.Parse(text);
        var entries = parsed.Entries.Select(entry => RecentEntryReading.From(entry, clock)).ToList();
        return new RecentListReading(name, entries, parsed.Problems, capacity);
    }
}
