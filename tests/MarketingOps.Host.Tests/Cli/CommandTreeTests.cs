using MarketingOps.Host.Cli;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// Issue 12: a call registers only the command group its first word names. A name listed under the wrong group would
/// make that command unknown; the full list (help, typos) must still show every command.
/// </summary>
public sealed class CommandTreeTests : IDisposable
{
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    public static TheoryData<string> Names() => [.. CommandTree.Groups.SelectMany(g => g.Names)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_top_level_name_is_known_when_only_its_group_is_registered(string name)
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, name, "--help");

        Assert.True(exit == 0, output + error);
        Assert.Contains($"mops {name}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_full_help_lists_every_group_and_a_typo_is_still_refused_by_name()
    {
        var (exit, output, _) = await MopsProcess.RunAsync(_home.Root, "--help");
        Assert.Equal(0, exit);
        foreach (var name in CommandTree.Groups.SelectMany(g => g.Names))
        {
            Assert.Matches($@"(?m)^\s+{name}\b", output);
        }

        var (typo, typoOut, typoErr) = await MopsProcess.RunAsync(_home.Root, "post", "lst");
        Assert.NotEqual(0, typo);
        Assert.Contains("lst", typoOut + typoErr, StringComparison.Ordinal);
    }
}
