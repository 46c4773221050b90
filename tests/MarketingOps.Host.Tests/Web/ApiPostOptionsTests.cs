using System.Net;
using System.Net.Http.Json;
using MarketingOps.Core.Access;
using MarketingOps.Host.Tests.Fakes;

namespace MarketingOps.Host.Tests.Web;

/// <summary>A platform option's value the plugin refuses is a problem of that option, <c>$.options.NAME</c>, not of the text.</summary>
public sealed class ApiPostOptionsTests : IAsyncLifetime
{
    private FakeMastodon _mastodon = null!;
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync()
    {
        _mastodon = await FakeMastodon.StartAsync();
        _api = await ApiHost.StartAsync(morePluginsJson: _mastodon.PluginEntryJson("toot"));
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _mastodon.DisposeAsync();
    }

    [Fact]
    public async Task A_bad_option_value_is_a_problem_of_its_option_for_one_post_and_for_a_batch()
    {
        using var editor = _api.As(UserRole.Editor);
        var post = new { account = "toot", at = ApiJson.Tomorrow(), text = "Hello", options = new Dictionary<string, string> { ["visibility"] = "everyone", ["language"] = "en" } };

        var one = await editor.PostAsync("/api/v1/posts", JsonContent.Create(post));
        var batch = await editor.PostAsync("/api/v1/posts/batch", JsonContent.Create(new { posts = new[] { post } }));

        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        var errors = (await ApiJson.ReadAsync(one)).GetProperty("errors");
        Assert.Equal(["$.options.visibility"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("visibility must be one of public, unlisted, private, direct; 'everyone' is not.", errors.GetProperty("$.options.visibility")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
        var batchErrors = (await ApiJson.ReadAsync(batch)).GetProperty("errors");
        Assert.Equal(["$.posts[0].options.visibility"], batchErrors.EnumerateObject().Select(e => e.Name));
    }
}
