namespace KnockAdmin.Core.Model;

/// <summary>One generator option: a switch (<see cref="bool"/>) or a whole number (<see cref="int"/>).</summary>
/// <param name="Name">Its member name in every JSON (API, backup, stored settings).</param>
/// <param name="Label">What the settings page says next to it.</param>
/// <param name="Change">How a list of changes names it ("log knocks: off → on").</param>
public sealed record GeneratorOptionField<T>(
    string Name,
    string Label,
    string Change,
    Func<GeneratorOptions, T> Get,
    Func<GeneratorOptions, T, GeneratorOptions> With);

/// <summary>
/// Every generator option once, with its name, its words and how to read and set it. Storage (one JSON column), the
/// API and the backup carry <see cref="GeneratorOptions"/> whole, and the settings page, the backup reader and the
/// list of changes walk these lists; so a new option is a property on <see cref="GeneratorOptions"/>, one entry here
/// and its effect in the generator.
/// </summary>
public static class GeneratorOptionFields
{
    public static IReadOnlyList<GeneratorOptionField<bool>> Switches { get; } =
    [
        new("tolerateRepeatedStep", "Tolerate a repeated knock (SYN retransmits, clients that knock twice)", "tolerate a repeated knock",
            options => options.TolerateRepeatedStep, (options, on) => options with { TolerateRepeatedStep = on }),
        new("synOnly", "Only TCP SYN packets count as knocks", "SYN only",
            options => options.SynOnly, (options, on) => options with { SynOnly = on }),
        new("answerAsClosedPort", "Answer like a closed port instead of dropping silently", "answer as a closed port",
            options => options.AnswerAsClosedPort, (options, on) => options with { AnswerAsClosedPort = on }),
        new("logKnocks", "Log accepted knocks (rate-limited)", "log knocks",
            options => options.LogKnocks, (options, on) => options with { LogKnocks = on }),
    ];

    public static IReadOnlyList<GeneratorOptionField<int>> Numbers { get; } =
    [
        new("firstKnockShards", "Lists per first knock", "first-knock lists",
            options => options.FirstKnockShards, (options, count) => options with { FirstKnockShards = count }),
    ];

    /// <summary>The member names of every option, as JSON carries them.</summary>
    public static IEnumerable<string> Names => Switches.Select(option => option.Name).Concat(Numbers.Select(option => option.Name));
}
