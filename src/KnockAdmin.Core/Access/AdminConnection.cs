using System.Net;

namespace KnockAdmin.Core.Access;

/// <summary>How the admin reaches the panel right now: from which address, on which local interface and port.</summary>
/// <param name="Remote">The admin's address as the panel sees it; null when unknown.</param>
/// <param name="Interface">The local interface the connection arrives on, when known.</param>
/// <param name="LocalPort">The panel's TCP port.</param>
public sealed record AdminConnection(IPAddress? Remote, string? Interface, int LocalPort);
