using KnockAdmin.Core.Model;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>A profile as stored: its id and the version an update must be based on.</summary>
public sealed record StoredProfile(int Id, int Version, KnockProfile Profile);

/// <summary>The host settings as stored, with the version an update must be based on.</summary>
public sealed record StoredSettings(int Version, HostSettings Settings);
