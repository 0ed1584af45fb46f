using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>The words for where a revision stands, the same on the pages and the command line.</summary>
public static class RevisionStateText
{
    public static string Of(RevisionState state) => state switch
    {
        RevisionState.Applying => "being applied",
        RevisionState.PendingConfirmation => "waiting for confirmation",
        RevisionState.Confirmed => "confirmed",
        RevisionState.RevertedAutomatically => "reverted automatically",
        RevisionState.RolledBack => "rolled back",
        RevisionState.Failed => "failed",
        RevisionState.Superseded => "superseded",
        _ => state.ToString(),
    };
}
