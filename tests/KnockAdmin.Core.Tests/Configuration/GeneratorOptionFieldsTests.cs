using System.Text.Json;
using KnockAdmin.Core.Model;

namespace KnockAdmin.Core.Tests.Configuration;

public sealed class GeneratorOptionFieldsTests
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Every_property_of_the_options_is_listed_once_under_the_name_JSON_gives_it()
    {
        var jsonNames = JsonSerializer.SerializeToElement(new GeneratorOptions(), CamelCase).EnumerateObject().Select(member => member.Name);

        Assert.Equal(jsonNames.Order(StringComparer.Ordinal), GeneratorOptionFields.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_switch_reads_and_sets_its_own_option_and_no_other()
    {
        foreach (var option in GeneratorOptionFields.Switches)
        {
            var defaults = new GeneratorOptions();
            var flipped = option.With(defaults, !option.Get(defaults));

            Assert.Equal(!option.Get(defaults), option.Get(flipped));
            Assert.Equal([option.Name], Differences(defaults, flipped));
        }
    }

    [Fact]
    public void Each_number_reads_and_sets_its_own_option_and_no_other()
    {
        foreach (var option in GeneratorOptionFields.Numbers)
        {
            var defaults = new GeneratorOptions();
            var changed = option.With(defaults, option.Get(defaults) + 1);

            Assert.Equal(option.Get(defaults) + 1, option.Get(changed));
            Assert.Equal([option.Name], Differences(defaults, changed));
        }
    }

    [Fact]
    public void Every_option_has_words_for_the_page_and_for_a_list_of_changes()
    {
        var words = GeneratorOptionFields.Switches.Select(option => (option.Label, option.Change))
            .Concat(GeneratorOptionFields.Numbers.Select(option => (option.Label, option.Change)))
            .ToList();

        Assert.All(words, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Label) || string.IsNullOrWhiteSpace(pair.Change)));
        Assert.Equal(words.Count, words.Select(pair => pair.Change).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    private static List<string> Differences(GeneratorOptions a, GeneratorOptions b)
    {
        var (left, right) = (JsonSerializer.SerializeToElement(a, CamelCase), JsonSerializer.SerializeToElement(b, CamelCase));
        return [.. left.EnumerateObject()
            .Where(member => member.Value.GetRawText() != right.GetProperty(member.Name).GetRawText())
            .Select(member => member.Name)];
    }
}
