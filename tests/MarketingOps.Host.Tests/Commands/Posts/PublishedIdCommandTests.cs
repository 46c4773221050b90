using System.Globalization;
using System.Text.Json;
using MarketingOps.Host.Tests.Fakes;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: a platform answer without a usable id is an error, through the real executable and the Mastodon plugin.</summary>
public sealed class PublishedIdCommandTests : IAsyncLifetime
{
    private readonly TempFolder _home = new();
    private FakeMastodon _mastodon = null!;

    public async ValueTask InitializeAsync()
    {
        _mastodon = await FakeMastodon.StartAsync();
        _home.Write("plugins.json", _mastodon.PluginsJson());
        var (exit, _, error) = await MopsProcess.RunWithInputAsync(_home.Root, FakeMastodon.Token + "\n", "secrets", "set", "mastodon/acme/access-token");
        Assert.True(exit == 0, error);
    }

    public async ValueTask DisposeAsync()
    {
        await _mastodon.DisposeAsync();
        _home.Dispose();
    }

    [Fact]
    public async Task The_same_status_id_for_three_posts_publishes_one_and_leaves_two_unconfirmed_with_a_resolve_hint()
    {
        // A mock instance answering its one example: every status comes back as 109372.
        _mastodon.FixedStatusId = "109372";
        using var run = MopsProcess.Start(_home.Root, "run", "--no-web");
        await run.WaitForOutputAsync("press Ctrl+C to stop", TimeSpan.FromSeconds(60));
        var at = TimeProvider.System.GetUtcNow().AddSeconds(3).ToString("O", CultureInfo.InvariantCulture);
        var ids = new List<string>();
        foreach (var text in new[] { "Bread is out of the oven", "The cafe opens at nine", "New cakes on Friday" })
        {
            var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "acme", "--at", at, "--text", text);
            Assert.True(exit == 0, error);
            ids.Add(output.Trim());
        }

        var posts = await WaitUntilSettledAsync(ids);
        run.Interrupt();
        await run.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, _mastodon.Statuses.Count);
        var published = Assert.Single(posts, p => p.GetProperty("state").GetString() == "Published");
        Assert.Equal("109372", published.GetProperty("platformPostId").GetString());
        var unconfirmed = posts.Where(p => p.GetProperty("state").GetString() == "Unconfirmed").ToList();
        Assert.Equal(2, unconfirmed.Count);
        Assert.All(unconfirmed, p =>
        {
            var error = p.GetProperty("lastError").GetString()!;
            Assert.Contains($"'109372' is already the id of post {published.GetProperty("id").GetString()}", error, StringComparison.Ordinal);
            Assert.Contains($"mops post resolve {p.GetProperty("id").GetString()} --published URL", error, StringComparison.Ordinal);
        });
    }

    private async Task<List<JsonElement>> WaitUntilSettledAsync(IReadOnlyList<string> ids)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        while (true)
        {
            var (_, json, _) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--json");
            var posts = JsonDocument.Parse(json).RootElement.EnumerateArray().Where(p => ids.Contains(p.GetProperty("id").GetString()!)).ToList();
            if (posts.Count == ids.Count && posts.All(p => p.GetProperty("state").GetString() is "Published" or "Unconfirmed" or "Failed"))
            {
                return posts;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the posts did not settle: " + json);
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
