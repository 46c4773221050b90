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
        await _mastodon.WriteClientFolderAsync(_home);
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

    [Fact]
    public async Task Resolve_reads_the_status_id_from_an_address_on_the_accounts_instance_and_refuses_another_instance_or_user()
    {
        _mastodon.FixedStatusId = "109372";
        using var run = MopsProcess.Start(_home.Root, "run", "--no-web");
        await run.WaitForOutputAsync("press Ctrl+C to stop", TimeSpan.FromSeconds(60));
        var at = TimeProvider.System.GetUtcNow().AddSeconds(3).ToString("O", CultureInfo.InvariantCulture);
        var ids = new List<string>();
        foreach (var text in new[] { "Bread is out of the oven", "The cafe opens at nine" })
        {
            ids.Add((await MopsProcess.RunAsync(_home.Root, "post", "schedule", "--account", "acme", "--at", at, "--text", text)).Out.Trim());
        }

        var posts = await WaitUntilSettledAsync(ids);
        run.Interrupt();
        await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var unconfirmed = posts.Single(p => p.GetProperty("state").GetString() == "Unconfirmed").GetProperty("id").GetString()!;

        var elsewhere = await MopsProcess.RunAsync(_home.Root, "post", "resolve", unconfirmed, "--published", "https://mastodon.social/@acme/109373");
        var someoneElse = await MopsProcess.RunAsync(_home.Root, "post", "resolve", unconfirmed, "--published", _mastodon.Url + "@rival/109373");
        var taken = await MopsProcess.RunAsync(_home.Root, "post", "resolve", unconfirmed, "--published", _mastodon.Url + "@acme/109372");
        var resolved = await MopsProcess.RunAsync(_home.Root, "post", "resolve", unconfirmed, "--published", _mastodon.Url + "@acme/109373", "--json");

        Assert.Equal((1, 1, 1, 0), (elsewhere.ExitCode, someoneElse.ExitCode, taken.ExitCode, resolved.ExitCode));
        Assert.Contains("and this address is on mastodon.social", elsewhere.Err, StringComparison.Ordinal);
        Assert.Contains("it is a status of @rival, and account 'acme' is @acme", someoneElse.Err, StringComparison.Ordinal);
        Assert.Contains("already recorded as post", taken.Err, StringComparison.Ordinal);
        Assert.Equal("109373", JsonDocument.Parse(resolved.Out).RootElement.GetProperty("platformPostId").GetString());
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
