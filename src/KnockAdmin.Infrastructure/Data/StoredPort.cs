namespace KnockAdmin.Infrastructure.Data;

/// <summary>The stored shape of a port, kept apart from the core model so that the JSON in the database stays stable.</summary>
public sealed record StoredPort(int Port, string Protocol);
