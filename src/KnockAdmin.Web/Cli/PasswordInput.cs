namespace KnockAdmin.Web.Cli;

/// <summary>Reads the password of a user verb from standard input.</summary>
internal static class PasswordInput
{
    /// <summary>Runs a verb that needs a password from standard input: without --password-stdin it is a usage error,
    /// without a line on standard input invalid input.</summary>
    public static async Task<int> WithPasswordAsync(CliContext context, bool passwordStdin, Func<string, Task<int>> verb, CancellationToken cancellationToken)
    {
        if (!passwordStdin)
        {
            await context.Error.WriteLineAsync("error: the password is only read from standard input; pass --password-stdin.");
            return ExitCodes.UsageError;
        }

        var password = await context.In.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            await context.Error.WriteLineAsync("error: no password on standard input.");
            return ExitCodes.InvalidInput;
        }

        return await verb(password);
    }
}
