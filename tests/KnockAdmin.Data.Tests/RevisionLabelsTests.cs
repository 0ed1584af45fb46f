using KnockAdmin.Infrastructure.Data;
using KnockAdmin.Infrastructure.Revisions;

namespace KnockAdmin.Data.Tests;

public sealed class RevisionLabelsTests
{
    [Fact]
    public void After_a_rollback_each_revision_says_what_became_of_it_and_only_a_real_change_is_offered()
    {
        // #1 applied, #2 applied over it, "roll back to #1" made #3, #4 was never confirmed, #5 failed.
        var labels = RevisionLabels.For(
        [
            View(5, RevisionState.Failed),
            View(4, RevisionState.RevertedAutomatically),
            View(3, RevisionState.Confirmed, rollbackOf: 1),
            View(2, RevisionState.RolledBack),
            View(1, RevisionState.Superseded),
        ]);

        Assert.Equal(new RevisionLabel("in force", false), labels[3]);
        Assert.Equal(new RevisionLabel("replaced by #2; runs again as #3", false), labels[1]);
        Assert.Equal(new RevisionLabel("replaced by #3, a rollback to #1", true), labels[2]);
        Assert.Equal(new RevisionLabel("reverted automatically", false), labels[4]);
        Assert.Equal(new RevisionLabel("failed", false), labels[5]);
    }

    [Fact]
    public void A_revision_on_trial_is_in_force_and_the_one_before_it_comes_back_unless_it_is_confirmed()
    {
        var labels = RevisionLabels.For([View(2, RevisionState.PendingConfirmation), View(1, RevisionState.Confirmed)]);

        Assert.Equal(new RevisionLabel("in force, waiting for confirmation", false), labels[2]);
        Assert.Equal(new RevisionLabel("comes back unless #2 is confirmed", false), labels[1]);
    }

    private static RevisionView View(int id, RevisionState state, int? rollbackOf = null) =>
        new(id, state, DateTimeOffset.UnixEpoch.AddMinutes(id), "user:alice", null, null, null, rollbackOf, null);
}
