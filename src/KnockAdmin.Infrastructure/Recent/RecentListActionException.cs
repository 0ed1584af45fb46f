namespace KnockAdmin.Infrastructure.Recent;

/// <summary>A change to a recent list was refused; nothing was written unless <see cref="Failure"/> is Refused.</summary>
/// <param name="Field">The input at fault: "list" or "address".</param>
public sealed class RecentListActionException(RecentListActionFailure failure, string field, string message) : Exception(message)
{
    public RecentListActionFailure Failure { get; } = failure;

    public string Field { get; } = field;
}
