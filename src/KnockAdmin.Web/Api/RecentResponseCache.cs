using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Api;

/// <summary>The answer of <c>GET /api/recent</c>, built once per reading and active revision and shared by every caller.</summary>
public sealed class RecentResponseCache
{
    private readonly Lock gate = new();
    private (RecentSnapshot Snapshot, FirewallConfigKey Config, RecentResponse Response)? last;

    public RecentResponse For(RecentSnapshot snapshot, RevisionStatus revisions)
    {
        var config = new FirewallConfigKey(revisions.Active?.Id, revisions.ActiveConfig);
        lock (gate)
        {
            if (last is { } cached && ReferenceEquals(cached.Snapshot, snapshot) && cached.Config == config)
            {
                return cached.Response;
            }
        }

        var response = RecentResponses.From(snapshot, new RecentListMap(revisions.ActiveConfig ?? LiveView.NothingApplied));
        lock (gate)
        {
            last = (snapshot, config, response);
        }

        return response;
    }

    private sealed record FirewallConfigKey(int? RevisionId, object? Config)
    {
        public bool Equals(FirewallConfigKey? other) => other is not null && RevisionId == other.RevisionId && ReferenceEquals(Config, other.Config);

        public override int GetHashCode() => RevisionId.GetHashCode();
    }
}
