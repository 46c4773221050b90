using MarketingOps.Host.Tests.Fakes;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: scheduling checks a Mastodon status against its instance's own limit, counted as Mastodon counts.</summary>
public sealed class MastodonLimitCommandTests : IAsyncLifetime
{
    private readonly TempFolder _home = new();
    private FakeMastodon _mastodon = null!;

    public async ValueTask InitializeAsync()
    {
        _mastodon = await FakeMastodon.StartAsync();
        _home.Write("plugins.json", _mastodon.PluginsJson());
    }

    public async ValueTask DisposeAsync()
    {
        await _mastodon.DisposeAsync();
        _home.Dispose();
    }

    private Task<(int ExitCode, string Out, string Err)> Schedule(string text) =>
        MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "acme", "--at", "2099-03-30 09:30", "--text", text);

    // A URL counts 23 and a mention of another instance's user counts as its @user part.
    private static string Text(int length) => "@ana@social.example.org https://example.com/" + new string('a', 60) + " " + new string('x', length - 5 - 23 - 1);

    [Fact]
    public async Task A_300_character_instance_refuses_301_and_takes_300()
    {
        _mastodon.MaxCharacters = 300;

        var refused = await Schedule(Text(301));
        var taken = await Schedule(Text(300));
        var check = await MopsProcess.RunAsync(_home.Root, "guardrails", "check", "--account", "acme", "--text", Text(301));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("301/300", refused.Err, StringComparison.Ordinal);
        Assert.Contains("this instance allows 300", refused.Err, StringComparison.Ordinal);
        Assert.True(taken.ExitCode == 0, taken.Err);
        Assert.NotEqual(0, check.ExitCode);
        Assert.Contains("301 of 300", check.Out + check.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_1000_character_instance_takes_542()
    {
        _mastodon.MaxCharacters = 1000;

        var taken = await Schedule(Text(542));

        Assert.True(taken.ExitCode == 0, taken.Err);
    }

    [Fact]
    public async Task An_instance_that_does_not_say_its_limit_gets_500_and_the_refusal_says_why()
    {
        _mastodon.MaxCharacters = null;

        var refused = await Schedule(Text(501));

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("501/500", refused.Err, StringComparison.Ordinal);
        Assert.Contains("Mastodon's default of 500 applies because", refused.Err, StringComparison.Ordinal);
    }
}
