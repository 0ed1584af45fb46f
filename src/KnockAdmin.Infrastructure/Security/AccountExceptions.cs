using KnockAdmin.Core.Failures;

namespace KnockAdmin.Infrastructure.Security;

/// <summary>No user or token of that name or id; nothing was changed.</summary>
public sealed class AccountNotFoundException(string message) : KnockAdminException(FailureKind.NotFound, "Not found", message);

/// <summary>The change would leave no enabled admin, so nobody could manage the panel any more; nothing was changed.</summary>
public sealed class LastAdminException(string message)
    : KnockAdminException(FailureKind.Conflict, "The last enabled admin must stay", message);
