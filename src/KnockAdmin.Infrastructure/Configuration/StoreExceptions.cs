using KnockAdmin.Core.Failures;

namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>Someone else saved the same item since it was read; nothing was stored.</summary>
public sealed class EditConflictException(string message) : KnockAdminException(FailureKind.Conflict, "Edit conflict", message);

/// <summary>The item to change does not exist (any more).</summary>
public sealed class ItemNotFoundException(string message) : KnockAdminException(FailureKind.NotFound, "Not found", message);
