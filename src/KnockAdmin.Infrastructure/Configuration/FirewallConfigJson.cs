using KnockAdmin.Core.Model;
using KnockAdmin.Infrastructure.Data;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>The stored JSON form of a whole configuration, as kept in <see cref="RevisionEntity.ConfigJson"/>.</summary>
public static class FirewallConfigJson
{
    public static string Serialize(FirewallConfig config) => StoredJson.Serialize(config);

    public static FirewallConfig Deserialize(string json) => StoredJson.Deserialize<FirewallConfig>(json);
}
