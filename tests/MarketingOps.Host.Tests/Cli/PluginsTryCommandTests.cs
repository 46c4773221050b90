using System.Globalization;
using System.Text.Json;

namespace MarketingOps.Host.Tests.Cli;

/// <summary><c>mops plugins try</c> through the real executable against the sandbox plugin.</summary>
public sealed class PluginsTryCommandTests : IDisposable
{
    private readonly TempFolder _home = new();

    public PluginsTryCommandTests() =>
        _home.WriteSandboxPluginsJson("""{ "maxLength": 60 }""", $$"""[ { "name": "acme", "timeZone": "{{MiddayZone()}}" } ]""");

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Without_publish_it_prints_the_plugins_verdict_and_stores_nothing()
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "try", "sandbox", "--account", "acme", "--text", "Hello 🌍");

        Assert.True(exit == 0, error);
        Assert.Contains("validate: valid, 7 of 60 characters", output, StringComparison.Ordinal);
        Assert.DoesNotContain("publish:", output, StringComparison.Ordinal);
        Assert.Empty(await PostsAsync());
    }

    [Fact]
    public async Task A_text_the_plugin_refuses_is_invalid_with_its_reasons_and_exits_one()
    {
        var (exit, output, _) = await MopsProcess.RunAsync(_home.Root, "plugins", "try", "sandbox", "--account", "acme", "--text", new string('x', 61), "--publish");

        Assert.Equal(1, exit);
        Assert.Contains("validate: invalid, 61 of 60 characters", output, StringComparison.Ordinal);
        Assert.DoesNotContain("publish:", output, StringComparison.Ordinal);
        Assert.Empty(await PostsAsync());
    }

    [Fact]
    public async Task Publish_goes_through_the_hosts_path_then_looks_the_post_up_and_fetches_its_metrics()
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "try", "sandbox", "--account", "acme", "--publish", "--json");

        Assert.True(exit == 0, error + output);
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        Assert.Equal("sandbox", root.GetProperty("plugin").GetString());
        Assert.True(root.GetProperty("validation").GetProperty("valid").GetBoolean());
        var publish = root.GetProperty("publish");
        Assert.Equal("Published", publish.GetProperty("state").GetString());
        var platformId = publish.GetProperty("platformPostId").GetString();
        Assert.StartsWith("https://sandbox.invalid/@acme/", publish.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Found", root.GetProperty("lookup").GetProperty("status").GetString());
        Assert.Equal(platformId, root.GetProperty("lookup").GetProperty("platformPostId").GetString());
        var metrics = Assert.Single(root.GetProperty("metrics").GetProperty("posts").EnumerateArray());
        Assert.Equal(platformId, metrics.GetProperty("postId").GetString());

        // The post is the client's like any other: stored Published, with its platform id, and no trigger left to fire.
        var post = Assert.Single(await PostsAsync());
        Assert.Equal(publish.GetProperty("postId").GetString(), post.GetProperty("id").GetString());
        Assert.Equal("Published", post.GetProperty("state").GetString());
        Assert.Equal(platformId, post.GetProperty("platformPostId").GetString());
    }

    [Fact]
    public async Task Publish_never_bypasses_the_guardrails_the_same_text_twice_is_refused_as_a_duplicate()
    {
        var first = await MopsProcess.RunAsync(_home.Root, "plugins", "try", "sandbox", "--account", "acme", "--text", "Our spring sale starts today", "--publish");
        Assert.True(first.ExitCode == 0, first.Err + first.Out);
        Assert.Matches(@"publish: post [0-9a-f]{32} Published as \S+ https://sandbox\.invalid/@acme/", first.Out);
        Assert.Contains("lookup: Found ", first.Out, StringComparison.Ordinal);
        Assert.Contains("metrics: ", first.Out, StringComparison.Ordinal);

        var second = await MopsProcess.RunAsync(_home.Root, "plugins", "try", "sandbox", "--account", "acme", "--text", "Our spring sale starts today", "--publish");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("validate: valid", second.Out, StringComparison.Ordinal);
        Assert.Contains("publish: refused by the guardrails: ", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("lookup:", second.Out, StringComparison.Ordinal);
        Assert.Single(await PostsAsync());
    }

    [Fact]
    public async Task An_unknown_plugin_is_a_clear_error_naming_the_plugins_there_are()
    {
        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "try", "mastodn", "--account", "acme");

        Assert.Equal(1, exit);
        Assert.Contains("error: no plugin \"mastodn\" in plugins.json (it has: sandbox)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_account_is_a_clear_error_naming_the_plugins_accounts()
    {
        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "plugins", "try", "sandbox", "--account", "acne", "--publish");

        Assert.Equal(1, exit);
        Assert.Contains("error: no account \"acne\" on sandbox in plugins.json (sandbox has: acme)", error, StringComparison.Ordinal);
        Assert.Empty(await PostsAsync());
    }

    private async Task<List<JsonElement>> PostsAsync()
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, "post", "list", "--json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        return [.. json.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    // A zone where it is now midday, so the quiet hours never hold these posts whatever time the tests run.
    private static string MiddayZone()
    {
        var offset = Math.Clamp(12 - TimeProvider.System.GetUtcNow().Hour, -12, 12);
        return offset == 0 ? "Etc/UTC" : string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}");
    }
}
