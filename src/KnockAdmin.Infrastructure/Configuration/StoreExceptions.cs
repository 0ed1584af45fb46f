namespace KnockAdmin.Infrastructure.Configuration;

/// <summary>The configuration that would result from a change is invalid; nothing was stored.</summary>
public sealed class ConfigInvalidException(IReadOnlyList<ConfigIssue> issues, string? subjectPath = null)
    : Exception("The configuration is invalid: " + string.Join("; ", issues.Select(i => $"{i.Field}: {i.Message}")))
{
    /// <summary>The blocking issues, with paths into the whole configuration (<c>profiles[2].name</c>).</summary>
    public IReadOnlyList<ConfigIssue> Issues { get; } = issues;

    /// <summary>The path of the item that was being changed (<c>profiles[2]</c>, <c>settings</c>), if any.</summary>
    public string? SubjectPath { get; } = subjectPath;

    /// <summary>The issues with paths relative to the changed item (<c>steps[0].port</c>); issues about
    /// other parts of the configuration keep their full path.</summary>
    public IReadOnlyList<ConfigIssue> IssuesRelativeToSubject() => [.. Issues.Select(issue => issue.RelativeTo(SubjectPath))];
}

/// <summary>Someone else saved the same item since it was read; nothing was stored.</summary>
public sealed class EditConflictException(string message) : Exception(message);

/// <summary>The item to change does not exist (any more).</summary>
public sealed class ItemNotFoundException(string message) : Exception(message);
