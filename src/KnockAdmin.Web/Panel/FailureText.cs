using KnockAdmin.Core.Failures;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Web.Panel;

/// <summary>The one place where a failure becomes a sentence on a page; never a stack trace.</summary>
public static class FailureText
{
    public static string Of(Exception exception) => Failure.From(exception) switch
    {
        { Kind: FailureKind.Invalid } invalid when invalid.Issues.Any(issue => issue.Field.Length > 0) => "Nothing was changed, the input is invalid: "
            + string.Join("; ", invalid.Issues.Select(FieldWords.Describe)),
        { Kind: FailureKind.Rejected or FailureKind.FirewallFailed } firewall => $"The firewall refused: {firewall.Message}",
        { } failure => failure.Message,
        null when exception is OperationCanceledException => "The operation was cancelled.",
        null => $"Something went wrong: {exception.Message}",
    };
}
