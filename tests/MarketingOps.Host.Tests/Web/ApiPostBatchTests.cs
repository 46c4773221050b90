using System.Net;
using System.Net.Http.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>Issue 12 over the API: <c>POST /api/v1/posts/batch</c> schedules many posts whole or not at all, every problem keyed by its post.</summary>
public sealed class ApiPostBatchTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() => _api = await ApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private static string Day(int offset) => new DateTimeOffset(2031, 4, 1, 9, 0, 0, TimeSpan.Zero).AddDays(offset).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_batch_is_scheduled_whole_in_order_and_a_viewer_may_not_send_one()
    {
        using var editor = _api.As(UserRole.Editor);
        var body = new { posts = Enumerable.Range(1, 5).Select(d => new { account = "acme", at = Day(d), text = $"- day {d} of our spring week" }).ToArray() };

        var response = await editor.PostAsJsonAsync("/api/v1/posts/batch", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var posts = (await ApiJson.ReadAsync(response)).GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(body.posts.Select(p => p.text), posts.Select(p => p.GetProperty("text").GetString()));
        Assert.All(posts, p => Assert.Equal("Scheduled", p.GetProperty("state").GetString()));
        using var viewer = _api.As(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/posts/batch", body)).StatusCode);
    }

    [Fact]
    public async Task Every_problem_is_keyed_by_its_post_and_nothing_is_stored()
    {
        using var editor = _api.As(UserRole.Editor);
        var body = new
        {
            posts = new object[]
            {
                new { account = "acme", at = Day(1), text = "A fine post" },
                new { account = "nobody", at = Day(2), text = "An account that does not exist" },
                new { account = "acme", at = Day(3), text = "Fresh sourdough every morning from seven" },
                new { account = "acme", at = Day(4), text = "Fresh sourdough every morning from seven" },
                new { account = "acme", at = "next week", text = "A time that cannot be read" },
            },
        };

        var response = await editor.PostAsJsonAsync("/api/v1/posts/batch", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The guardrails judge a post as a whole, so their refusal is keyed by the post.
        var errors = (await ApiJson.ReadAsync(response)).GetProperty("errors");
        Assert.Equal(["$.posts[1].account", "$.posts[3]", "$.posts[4].at"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("duplicate-content", errors.GetProperty("$.posts[3]")[0].GetString(), StringComparison.Ordinal);
        var page = await ApiJson.ReadAsync(await editor.GetAsync("/api/v1/posts?limit=100"));
        Assert.Empty(page.GetProperty("items").EnumerateArray());

        var empty = await editor.PostAsJsonAsync("/api/v1/posts/batch", new { posts = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var group = await editor.PostAsJsonAsync("/api/v1/posts/batch", new { posts = new[] { new { account = "acme", accounts = new[] { "acme", "globex" }, at = Day(1), text = "A group" } } });
        Assert.Equal(HttpStatusCode.BadRequest, group.StatusCode);
        Assert.Contains("$.posts[0].accounts", await group.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
