using KnockAdmin.Infrastructure.Configuration;
using KnockAdmin.Infrastructure.Firewall;
using KnockAdmin.Infrastructure.Recent;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Panel;

/// <summary>Turns a failure of the engine or the firewall into a sentence for the admin; never a stack trace.</summary>
public static class ProblemText
{
    public static string Describe(Exception exception) => exception switch
    {
        ConfigInvalidException invalid => "The configuration is invalid, nothing was changed: "
            + string.Join("; ", invalid.Issues.Select(issue => string.IsNullOrEmpty(issue.Field) ? issue.Message : $"{issue.Field}: {issue.Message}")),
        EditConflictException or ItemNotFoundException or ApplyInProgressException or RevisionStateException or ConfigurationChangedException
            or ApplyNotStartedException or ApplyNotRecordedException => exception.Message,
        FirewallException => $"The firewall refused: {exception.Message}",
        RecentListActionException => exception.Message,
        NetworkNamespaceUnavailableException => exception.Message,
        Security.AdminRequiredException or Security.ReauthenticationRequiredException or Security.SessionEndedException => exception.Message,
        Infrastructure.Security.AccountNotFoundException or Infrastructure.Security.LastAdminException => exception.Message,
        ArgumentException => exception.Message.Split(" (Parameter")[0],
        OperationCanceledException => "The operation was cancelled.",
        _ => $"Something went wrong: {exception.Message}",
    };
}
