using System.Globalization;
using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Web.Cli;

/// <summary>How the verbs describe a revision to the admin.</summary>
internal static class RevisionText
{
    public static string Describe(RevisionView revision) =>
        $"revision {revision.Id} ({RevisionStateText.Of(revision.State)}, {(revision.State == RevisionState.Applying ? "started" : "applied")} {Time(revision.CreatedAt)} by {revision.Author}"
        + (revision.RollbackOfRevisionId is { } of ? $", rollback to revision {of}" : "") + ")";

    /// <summary>What happens next after an apply or rollback.</summary>
    public static string AfterApply(RevisionView revision, string what) => revision.State == RevisionState.PendingConfirmation
        ? $"{what} as revision {revision.Id}. Confirm by {Time(revision.ConfirmDeadline!.Value)} with 'KnockAdmin confirm {revision.Id}', "
          + "or the previous rules are restored automatically."
        : $"{what} as revision {revision.Id}; kept without confirmation.";

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
