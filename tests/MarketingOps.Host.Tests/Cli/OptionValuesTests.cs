using System.Reflection;
using MarketingOps.Host.Cli;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>Issue 12: the options whose value is taken whole are listed (not scanned for at every start); the list must match the commands.</summary>
public sealed class OptionValuesTests
{
    [Fact]
    public void TakingValues_names_every_option_of_every_command_that_needs_a_value()
    {
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        var settings = typeof(OptionValues).Assembly.GetTypes().Where(t => typeof(CommandSettings).IsAssignableFrom(t));
        foreach (var property in settings.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is { ValueName: not null, ValueIsOptional: false } option)
            {
                expected.UnionWith(option.LongNames.Select(n => "--" + n));
            }
        }

        var listed = new SortedSet<string>(OptionValues.TakingValues, StringComparer.Ordinal);
        Assert.True(
            expected.SetEquals(listed),
            $"add to OptionValues: {string.Join(", ", expected.Except(listed))}; remove from it: {string.Join(", ", listed.Except(expected))}");
    }
}
