using System.Text.RegularExpressions;

namespace KnockAdmin.Core.Validation;

/// <summary>Trusted interface names as iptables <c>-i</c> accepts them: a Linux name, optionally a <c>+</c> wildcard.</summary>
internal static partial class InterfaceNameRules
{
    public static void Check(string? name, string field, IssueCollector issues)
    {
        if (string.IsNullOrEmpty(name))
        {
            issues.Error(field, "Interface name is missing; give a name such as lo, wg0 or a wildcard such as wg+.");
            return;
        }

        if (Text.IsTooLong(name, field, "Interface name", issues))
        {
            return;
        }

        if (name == "+")
        {
            issues.Error(field, "\"+\" matches every interface: knocking would be bypassed everywhere. Name the interfaces to trust (lo, wg0) or a narrow wildcard (wg+).");
            return;
        }

        if (name.StartsWith('-'))
        {
            // iptables reads "-i -x" as an interface today, but a leading '-' is how options start: never pass one on.
            issues.Error(field, $"Interface name {Text.Quote(name)} starts with '-', which command lines read as an option; interface names start with a letter or digit.");
            return;
        }

        if (InterfacePattern().IsMatch(name))
        {
            if (name.EndsWith('+'))
            {
                issues.Warning(field, $"{name} trusts every interface whose name starts with {Text.Quote(name[..^1])}, including ones created later: knocking is bypassed on all of them.");
            }

            return;
        }

        var stem = name.EndsWith('+') ? name[..^1] : name;
        if (stem.Length > ValidationLimits.MaxInterfaceNameLength)
        {
            issues.Error(field, $"Interface name {Text.Quote(name)} is {stem.Length} characters long; Linux interface names have at most {ValidationLimits.MaxInterfaceNameLength}.");
            return;
        }

        issues.Error(field, $"Interface name {Text.Quote(name)} is not valid: use 1–{ValidationLimits.MaxInterfaceNameLength} letters, digits and _ . : -, optionally followed by + as a wildcard (wg+ matches wg0, wg1, …).");
    }

    // \z, not $: $ would also match before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,15}\+?\z")]
    private static partial Regex InterfacePattern();
}
