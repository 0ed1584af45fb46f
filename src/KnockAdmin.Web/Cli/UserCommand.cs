using System.CommandLine;
using System.Globalization;
using KnockAdmin.Core.Accounts;
using KnockAdmin.Infrastructure.Auditing;
using KnockAdmin.Infrastructure.Security;

namespace KnockAdmin.Web.Cli;

/// <summary><c>user add|list|passwd|disable|enable|remove</c>: the users of the panel.</summary>
internal static class UserCommand
{
    public static Command Create(CliContext context) => new("user", "Manage the users of the panel.")
    {
        AddVerb(context),
        ListVerb(context),
        PasswdVerb(context),
        NameVerb(context, "disable", "Stop a user from signing in and end every session of theirs at once. The last enabled admin cannot be disabled.",
            async (users, user, ct) =>
            {
                var ended = await users.DisableAsync(user.Id, Actor.CommandLine, ct);
                return $"Disabled {user.Role} user '{AccountName.Display(user.Name)}'; {ended} session(s) ended.";
            }),
        NameVerb(context, "enable", "Let a disabled user sign in again.", async (users, user, ct) =>
        {
            await users.EnableAsync(user.Id, Actor.CommandLine, ct);
            return $"Enabled {user.Role} user '{AccountName.Display(user.Name)}'.";
        }),
        NameVerb(context, "remove", "Remove a user and end their sessions; the audit log keeps their name. The last enabled admin cannot be removed.",
            async (users, user, ct) =>
            {
                await users.RemoveAsync(user.Id, Actor.CommandLine, ct);
                return $"Removed {user.Role} user '{AccountName.Display(user.Name)}'.";
            }),
    };

    private static Option<bool> PasswordStdin() => new("--password-stdin")
    {
        Description = $"Read the password ({PasswordRules.MinLength}–{PasswordRules.MaxLength} characters) from the first line of standard input (it never appears in the process list).",
        Required = true,
    };

    private static Command AddVerb(CliContext context)
    {
        var name = new Option<string>("--name") { Description = $"The user's sign-in name: 1–{AccountName.MaxLength} {AccountName.AllowedText}.", Required = true };
        var role = new Option<string>("--role") { Description = "admin may change everything, viewer may only read.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var passwordStdin = PasswordStdin();

        var add = new Command("add", "Add a user who can sign in to the panel.") { name, role, passwordStdin };
        add.SetAction((parseResult, cancellationToken) => PasswordInput.WithPasswordAsync(context, parseResult.GetValue(passwordStdin), password =>
            CliServices.RunAsync(context, async (services, ct) =>
            {
                var user = await services.GetRequiredService<UserService>()
                    .AddAsync(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(role), password, Actor.CommandLine, ct);
                await context.Out.WriteLineAsync($"Added {user.Role} user '{user.Name}' (id {user.Id}).");
                return ExitCodes.Success;
            }, cancellationToken), cancellationToken));
        return add;
    }

    private static Command ListVerb(CliContext context)
    {
        var list = new Command("list", "List the users with their role, state, open sessions and last use (time and address).");
        list.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var users = await services.GetRequiredService<UserService>().ListAsync(ct);
            var rows = users.Select(u => (IReadOnlyList<string>)
            [
                u.Id.ToString(CultureInfo.InvariantCulture), AccountName.Display(u.Name), u.Role, u.Enabled ? "enabled" : "disabled",
                u.ActiveSessions.ToString(CultureInfo.InvariantCulture), TextTable.LastUse(u.LastSeenAt, u.LastSeenAddress),
            ]);
            foreach (var line in TextTable.Lines(["ID", "NAME", "ROLE", "STATE", "SESSIONS", "LAST USED"], rows))
            {
                await context.Out.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        }, cancellationToken));
        return list;
    }

    private static Command PasswdVerb(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The user's name." };
        var passwordStdin = PasswordStdin();
        var passwd = new Command("passwd", "Set a user's password (read from standard input) and end every session of theirs.") { name, passwordStdin };
        passwd.SetAction((parseResult, cancellationToken) => PasswordInput.WithPasswordAsync(context, parseResult.GetValue(passwordStdin), password =>
            CliServices.RunAsync(context, async (services, ct) =>
            {
                var users = services.GetRequiredService<UserService>();
                var user = await users.FindAsync(parseResult.GetRequiredValue(name), ct);
                var ended = await users.SetPasswordAsync(user.Id, password, Actor.CommandLine, cancellationToken: ct);
                await context.Out.WriteLineAsync($"Set a new password for '{AccountName.Display(user.Name)}'; {ended} session(s) ended.");
                return ExitCodes.Success;
            }, cancellationToken), cancellationToken));
        return passwd;
    }

    private static Command NameVerb(CliContext context, string verb, string description,
        Func<UserService, Infrastructure.Data.UserEntity, CancellationToken, Task<string>> action)
    {
        var name = new Argument<string>("NAME") { Description = "The user's name (as 'user list' shows it)." };
        var command = new Command(verb, description) { name };
        command.SetAction((parseResult, cancellationToken) => CliServices.RunAsync(context, async (services, ct) =>
        {
            var users = services.GetRequiredService<UserService>();
            var user = await users.FindAsync(parseResult.GetRequiredValue(name), ct);
            await context.Out.WriteLineAsync(await action(users, user, ct));
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }
}
