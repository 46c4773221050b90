using System.Text.Json;

namespace MarketingOps.Host.Tests.Commands.Posts;

/// <summary>Issue 12: `mops post resolve ID --published URL` records the platform id read from the address, and refuses another account's or platform's.</summary>
public sealed class PostResolveCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PostResolveCommandTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin", "settings": { "handle": "acmebakery" } } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task The_id_is_read_from_the_address_and_other_addresses_are_refused_saying_why()
    {
        var first = await StoreUnconfirmedPostAsync("Bread is out of the oven");
        var second = await StoreUnconfirmedPostAsync("The cafe opens at nine");

        var otherPlatform = await Mops("post", "resolve", first, "--published", "https://x.com/acmebakery/status/1850123456789012345");
        var otherAccount = await Mops("post", "resolve", first, "--published", "https://sandbox.invalid/@rival/00ff00ff00ff00ff");
        var notAPost = await Mops("post", "resolve", first, "--published", "https://sandbox.invalid/@acmebakery");
        var resolved = await Mops("post", "resolve", first, "--published", "https://sandbox.invalid/@acmebakery/00ff00ff00ff00ff", "--json");
        var taken = await Mops("post", "resolve", second, "--published", "https://sandbox.invalid/@acmebakery/00ff00ff00ff00ff");

        Assert.Equal((1, 1, 1, 0, 1), (otherPlatform.ExitCode, otherAccount.ExitCode, notAPost.ExitCode, resolved.ExitCode, taken.ExitCode));
        Assert.Matches("is not a post of .+ account 'acme'", otherPlatform.Err);
        Assert.Contains("not on x.com", otherPlatform.Err, StringComparison.Ordinal);
        Assert.Contains("it is a post of @rival, and account 'acme' is @acmebakery", otherAccount.Err, StringComparison.Ordinal);
        Assert.Contains("is not the path of a post", notAPost.Err, StringComparison.Ordinal);
        var post = JsonDocument.Parse(resolved.Out).RootElement;
        Assert.Equal(("Published", "00ff00ff00ff00ff"), (post.GetProperty("state").GetString(), post.GetProperty("platformPostId").GetString()));
        Assert.Contains($"already recorded as post {first}", taken.Err, StringComparison.Ordinal);
        var (_, show, _) = await Mops("post", "show", second, "--json");
        Assert.Equal("Unconfirmed", JsonDocument.Parse(show).RootElement.GetProperty("post").GetProperty("state").GetString());
    }

    /// <summary>Stores a post that went Scheduled → Publishing → Unconfirmed, as an uncertain attempt leaves it.</summary>
    private async Task<string> StoreUnconfirmedPostAsync(string text)
    {
        var paths = Core.Storage.StoragePaths.For(_home.Root, new Core.Storage.StorageOptions());
        Directory.CreateDirectory(Path.GetDirectoryName(paths.PostsDatabase)!);
        var store = new Core.Storage.SqlitePostStore(paths.PostsDatabase, TimeSpan.FromSeconds(30), TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        var id = Guid.CreateVersion7().ToString("N");
        var post = await store.InsertAsync(new Core.Posts.Post(id, "acme", text, now, Core.Posts.PostState.Scheduled, "mops-" + id) { DueAt = now, CreatedAt = now, UpdatedAt = now }, "scheduled by the test", CancellationToken.None);
        var publishing = await store.TryTransitionAsync(post, post with { State = Core.Posts.PostState.Publishing, UpdatedAt = now }, "claimed by the test", CancellationToken.None);
        const string why = "ambiguous outcome: timeout";
        await store.TryTransitionAsync(publishing!, publishing! with { State = Core.Posts.PostState.Unconfirmed, LastError = why, MayBeOnPlatform = true, UpdatedAt = now }, why, CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return id;
    }
}
