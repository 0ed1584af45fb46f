using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>What happened to a revision, in words, and whether rolling back to it would change the rules.</summary>
public sealed record RevisionLabel(string Text, bool CanRollBack);

/// <summary>
/// Labels each revision by what became of it, read from the whole history: which one is in force, which replaced
/// which, and which runs again through a rollback. A rollback is offered only to a revision that was in force once
/// and is not what runs now.
/// </summary>
public static class RevisionLabels
{
    public static IReadOnlyDictionary<int, RevisionLabel> For(IReadOnlyList<RevisionView> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var byId = revisions.OrderBy(r => r.Id).ToList();
        var active = byId.LastOrDefault(r => r.State == RevisionState.PendingConfirmation)
                     ?? byId.LastOrDefault(r => r.State == RevisionState.Confirmed);
        return byId.ToDictionary(r => r.Id, r => Label(r, byId, active));
    }

    private static RevisionLabel Label(RevisionView revision, List<RevisionView> byId, RevisionView? active)
    {
        var runsAgain = active is { RollbackOfRevisionId: { } of } && of == revision.Id ? $"; runs again as #{active.Id}" : "";
        if (revision == active)
        {
            return new RevisionLabel(revision.State == RevisionState.PendingConfirmation ? "in force, waiting for confirmation" : "in force", false);
        }

        if (revision.State == RevisionState.Confirmed && active is { State: RevisionState.PendingConfirmation })
        {
            return new RevisionLabel($"comes back unless #{active.Id} is confirmed", false);
        }

        if (revision.State is not (RevisionState.Superseded or RevisionState.RolledBack))
        {
            return new RevisionLabel(RevisionStateText.Of(revision.State) + runsAgain, false);
        }

        var next = byId.FirstOrDefault(r => r.Id > revision.Id && WasInForce(r));
        var replaced = next switch
        {
            null => "replaced",
            { RollbackOfRevisionId: { } to } => $"replaced by #{next.Id}, a rollback to #{to}",
            _ => $"replaced by #{next.Id}",
        };
        return new RevisionLabel(replaced + runsAgain, runsAgain.Length == 0);
    }

    private static bool WasInForce(RevisionView revision) =>
        revision.State is RevisionState.Confirmed or RevisionState.PendingConfirmation or RevisionState.Superseded or RevisionState.RolledBack;
}
