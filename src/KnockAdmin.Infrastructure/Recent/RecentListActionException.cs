using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Infrastructure.Recent;

/// <summary>A change to a recent list was refused; nothing was written unless <see cref="Failure"/> is Refused.</summary>
/// <param name="Field">The input at fault: "list" or "address".</param>
public sealed class RecentListActionException(RecentListActionFailure failure, string field, string message)
    : KnockAdminException(KindOf(failure), TitleOf(failure), message)
{
    public RecentListActionFailure Failure { get; } = failure;

    public string Field { get; } = field;

    public override IReadOnlyList<ValidationIssue> Issues => Kind == FailureKind.Invalid ? [ValidationIssue.Error(Field, Message)] : [];

    private static FailureKind KindOf(RecentListActionFailure failure) => failure switch
    {
        RecentListActionFailure.NotOwned or RecentListActionFailure.BadAddress => FailureKind.Invalid,
        RecentListActionFailure.ListMissing => FailureKind.NotFound,
        RecentListActionFailure.NotPermitted => FailureKind.Unavailable,
        _ => FailureKind.FirewallFailed,
    };

    private static string TitleOf(RecentListActionFailure failure) => failure switch
    {
        RecentListActionFailure.NotOwned or RecentListActionFailure.BadAddress => Core.Failures.Failure.InvalidTitle,
        RecentListActionFailure.ListMissing => "Not found",
        RecentListActionFailure.NotPermitted => "Not permitted",
        _ => "The kernel refused the change",
    };
}
