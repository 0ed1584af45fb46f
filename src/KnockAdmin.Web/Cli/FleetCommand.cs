using System.CommandLine;
using KnockAdmin.Infrastructure.Fleet;

namespace KnockAdmin.Web.Cli;

/// <summary><c>fleet export --out DIR</c>: the Ansible project that rolls the stored configuration out to many hosts.</summary>
internal static class FleetCommand
{
    public static Command Create(CliContext context) =>
        new("fleet", "Roll this configuration out to many hosts with Ansible, with confirm-or-revert on every host.")
        {
            ExportVerb(context),
        };

    private static Command ExportVerb(CliContext context)
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Directory to write the Ansible project into; it must not exist yet or be empty.",
            Required = true,
        };
        var export = new Command("export",
            "Write a ready Ansible project: playbook, role, inventory example and the stored configuration as its document. "
            + "Run it with 'ansible-playbook site.yml' after copying inventory.example.yml to inventory.yml.")
        {
            output,
        };
        export.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var directory = parseResult.GetRequiredValue(output);
            if (directory.Exists && directory.EnumerateFileSystemInfos().Any())
            {
                await context.Error.WriteLineAsync($"error: nothing was written: {directory.FullName} is not empty; name a new or empty directory.");
                return ExitCodes.InvalidInput;
            }

            var files = await services.GetRequiredService<AnsibleProject>().CreateAsync(ct);
            foreach (var file in files)
            {
                var path = Path.Combine(directory.FullName, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                // The configuration document is written as 'config export' writes it: readable by its owner only.
                if (file.Path == AnsibleProject.DocumentPath)
                {
                    await Infrastructure.Data.PrivateFiles.WriteTextAsync(path, file.Content, ct);
                }
                else
                {
                    await File.WriteAllTextAsync(path, file.Content, ct);
                }
            }

            await context.Out.WriteLineAsync(
                $"Wrote an Ansible project of {files.Count} files to {directory.FullName}, with the stored configuration as {AnsibleProject.DocumentPath}. "
                + "Copy inventory.example.yml to inventory.yml, list your hosts, and run 'ansible-playbook site.yml' there.");
            return ExitCodes.Success;
        }, cancellationToken));
        return export;
    }
}
