using KnockAdmin.Core.Rules;
using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>The rules a stored revision put into the kernel, read back from its saved text.</summary>
public static class RevisionRules
{
    public static GeneratedRules Of(RevisionEntity revision) => new(
        SaveText.ReadOwned(revision.RulesV4, IpFamily.V4),
        SaveText.ReadOwned(revision.RulesV6, IpFamily.V6));
}
