namespace KnockAdmin.Infrastructure.Security;

/// <summary>No user or token of that name or id; nothing was changed.</summary>
public sealed class AccountNotFoundException(string message) : Exception(message);

/// <summary>The change would leave no enabled admin, so nobody could manage the panel any more; nothing was changed.</summary>
public sealed class LastAdminException(string message) : Exception(message);
