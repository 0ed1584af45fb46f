namespace KnockAdmin.Benchmarks.Reporting;

/// <summary>Where results go: <c>benchmarks/results/</c> of the repository, or the directory given with <c>--out</c>.</summary>
public static class ResultFiles
{
    public static string Directory(string? requested)
    {
        var directory = requested ?? Path.Combine(RepositoryRoot(), "benchmarks", "results");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Prints the report and writes it to <paramref name="fileName"/> in the results directory.</summary>
    public static void Publish(string? requestedDirectory, string fileName, string markdown)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
        var path = Path.Combine(Directory(requestedDirectory), fileName);
        File.WriteAllText(path, markdown);
        Console.WriteLine($"Written to {path}");
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KnockAdmin.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository, or pass --out DIRECTORY.");
    }
}
