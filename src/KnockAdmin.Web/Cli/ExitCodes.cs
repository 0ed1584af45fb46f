namespace KnockAdmin.Web.Cli;

/// <summary>Exit codes of every verb.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line could not be parsed (unknown verb or option, missing required option).</summary>
    public const int UsageError = 1;

    /// <summary>The input was understood but refused (bad name, unknown role, short password); nothing was changed.</summary>
    public const int InvalidInput = 2;

    /// <summary>Something failed while carrying out the command (database not reachable, ...).</summary>
    public const int Failure = 3;

    /// <summary>Refused in the current state: another apply is in progress, nothing waits for confirmation, or this
    /// process lacks the privileges to change the firewall. Nothing was changed.</summary>
    public const int Refused = 4;
}
