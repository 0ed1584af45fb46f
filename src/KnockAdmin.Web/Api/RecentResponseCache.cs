using System.Text.Json;
using KnockAdmin.Core.Recent;
using KnockAdmin.Infrastructure.Revisions;
using KnockAdmin.Web.Panel;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace KnockAdmin.Web.Api;

/// <summary>
/// The answer of <c>GET /api/recent</c>, built and serialised once per reading and active revision and shared by every
/// caller: with full lists it holds thousands of addresses.
/// </summary>
public sealed class RecentResponseCache(IOptions<JsonOptions> json)
{
    private readonly Lock gate = new();
    private (RecentSnapshot Snapshot, FirewallConfigKey Config, byte[] Body)? last;

    public byte[] For(RecentSnapshot snapshot, RevisionStatus revisions)
    {
        var config = new FirewallConfigKey(revisions.Active?.Id, revisions.ActiveConfig);
        lock (gate)
        {
            if (last is { } cached && ReferenceEquals(cached.Snapshot, snapshot) && cached.Config == config)
            {
                return cached.Body;
            }
        }

        var response = RecentResponses.From(snapshot, new RecentListMap(revisions.ActiveConfig ?? LiveView.NothingApplied));
        var body = JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions);
        lock (gate)
        {
            last = (snapshot, config, body);
        }

        return body;
    }

    private sealed record FirewallConfigKey(int? RevisionId, object? Config)
    {
        public bool Equals(FirewallConfigKey? other) => other is not null && RevisionId == other.RevisionId && ReferenceEquals(Config, other.Config);

        public override int GetHashCode() => RevisionId.GetHashCode();
    }
}
