namespace KnockAdmin.Web.Panel;

/// <summary>The rotating clients of docs/clients, built into the panel so the Clients page shows the tested files.</summary>
public static class RotatingClientScripts
{
    public sealed record Script(string Tool, string FileName, string Text);

    public static IReadOnlyList<Script> All { get; } =
    [
        Read("bash", "knock-rotating.sh"),
        Read("powershell", "knock-rotating.ps1"),
        Read("python", "knock-rotating.py"),
    ];

    private static Script Read(string tool, string fileName)
    {
        using var stream = typeof(RotatingClientScripts).Assembly.GetManifestResourceStream($"clients/{fileName}")
            ?? throw new InvalidOperationException($"The client {fileName} is not built into the panel.");
        using var reader = new StreamReader(stream);
        return new Script(tool, fileName, reader.ReadToEnd());
    }
}
