using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>Idempotency keys, ETags, cursor paging and hostile input on the posts resource.</summary>
public sealed class ApiPostsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() => _api = await ApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_same_idempotency_key_and_body_give_the_same_post_and_another_body_gives_422()
    {
        using var editor = _api.As(UserRole.Editor);
        var body = new { account = "acme", at = ApiJson.Tomorrow(), text = "Our tasting evening is on Thursday at six" };
        async Task<HttpResponseMessage> Send(object b)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts") { Content = JsonContent.Create(b) };
            request.Headers.Add("Idempotency-Key", "7d1f3c52-tasting");
            return await editor.SendAsync(request);
        }

        var first = await Send(body);
        var second = await Send(body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = (await ApiJson.ReadAsync(first)).GetProperty("post").GetProperty("id").GetString();
        Assert.Equal(id, (await ApiJson.ReadAsync(second)).GetProperty("post").GetProperty("id").GetString());

        var other = await Send(body with { });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var changed = await Send(new { account = "acme", at = ApiJson.Tomorrow(), text = "A different text under the same key" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);

        var page = await ApiJson.ReadAsync(await editor.GetAsync("/api/v1/posts?limit=100"));
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Resolve_records_the_id_read_from_the_published_address_and_refuses_another_accounts_with_a_problem()
    {
        var store = _api.Service<Core.Storage.IPostStore>();
        var now = TimeProvider.System.GetUtcNow();
        var id = Guid.CreateVersion7().ToString("N");
        var post = await store.InsertAsync(new Core.Posts.Post(id, "acme", "Fresh loaves at eight", now, Core.Posts.PostState.Scheduled, "mops-" + id) { DueAt = now, CreatedAt = now, UpdatedAt = now }, "test", CancellationToken.None);
        post = (await store.TryTransitionAsync(post, post with { State = Core.Posts.PostState.Publishing }, "test", CancellationToken.None))!;
        await store.TryTransitionAsync(post, post with { State = Core.Posts.PostState.Unconfirmed, LastError = "timeout" }, "test", CancellationToken.None);
        using var editor = _api.As(UserRole.Editor);

        var refused = await editor.PostAsJsonAsync($"/api/v1/posts/{id}/resolve", new { publishedUrl = "https://sandbox.invalid/@rival/00ff00ff00ff00ff" });
        var resolved = await editor.PostAsJsonAsync($"/api/v1/posts/{id}/resolve", new { publishedUrl = "https://sandbox.invalid/@acme/00ff00ff00ff00ff" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("it is a post of @rival", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(resolved.IsSuccessStatusCode, await resolved.Content.ReadAsStringAsync());
        Assert.Equal("00ff00ff00ff00ff", (await ApiJson.ReadAsync(resolved)).GetProperty("platformPostId").GetString());
    }

    [Fact]
    public async Task A_stale_if_match_gives_412_and_changes_nothing()
    {
        using var editor = _api.As(UserRole.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/posts", new { account = "acme", at = ApiJson.Tomorrow(), text = "Roastery open day, everyone welcome" });
        var etag = created.Headers.ETag!.Tag;
        var id = (await ApiJson.ReadAsync(created)).GetProperty("post").GetProperty("id").GetString();

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/posts/{id}/cancel");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        var refused = await editor.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(etag, refused.Headers.ETag?.Tag);
        Assert.Equal("Scheduled", (await ApiJson.ReadAsync(await editor.GetAsync($"/api/v1/posts/{id}"))).GetProperty("post").GetProperty("state").GetString());

        using var fresh = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/posts/{id}/cancel");
        fresh.Headers.TryAddWithoutValidation("If-Match", etag);
        var cancelled = await editor.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var details = await ApiJson.ReadAsync(await editor.GetAsync($"/api/v1/posts/{id}"));
        Assert.Equal("Cancelled", details.GetProperty("post").GetProperty("state").GetString());
        Assert.Equal("cancelled by editor-user (api, token editor-user-token)", details.GetProperty("history")[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Cursor_paging_walks_every_post_once()
    {
        using var editor = _api.As(UserRole.Editor);
        for (var i = 0; i < 7; i++)
        {
            var response = await editor.PostAsJsonAsync("/api/v1/posts", new { account = "acme", at = ApiJson.Tomorrow(9 + i), text = $"Bean of the day number {i}: {Guid.NewGuid():N}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ApiJson.ReadAsync(await editor.GetAsync("/api/v1/posts?limit=3" + (cursor is null ? string.Empty : "&cursor=" + cursor)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }

    public static TheoryData<string, string, string> HostileBodies => new()
    {
        { "malformed JSON", """{ "account": "acme", "at": """, "$" },
        { "wrong type", """{ "account": "acme", "at": 12, "text": "hello" }""", "$.at" },
        { "unknown field", """{ "account": "acme", "at": "2031-01-01T10:00:00Z", "text": "hi", "publishNow": true }""", "$" },
        { "missing field", """{ "account": "acme", "at": "2031-01-01T10:00:00Z" }""", "$" },
        { "control character", """{ "account": "acme", "at": "2031-01-01T10:00:00Z", "text": "bell \u0007 here" }""", "$.text" },
        { "path traversal account", """{ "account": "../../etc/passwd", "at": "2031-01-01T10:00:00Z", "text": "hi" }""", "$.account" },
        { "invalid time zone", """{ "account": "acme", "at": "2031-01-01 10:00", "timeZone": "Mars/Olympus", "text": "hi" }""", "$.timeZone" },
        { "null media item", """{ "account": "acme", "at": "2031-01-01T10:00:00Z", "text": "hi", "media": [null] }""", "$.media[0]" },
        { "null option value", """{ "account": "acme", "at": "2031-01-01T10:00:00Z", "text": "hi", "options": { "spoiler_text": null } }""", "$.options.spoiler_text" },
        { "ten thousand emoji", "{ \"account\": \"acme\", \"at\": \"2031-01-01T10:00:00Z\", \"text\": \"" + string.Concat(Enumerable.Repeat("😀", 10_000)) + "\" }", "$.text" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_get_a_4xx_problem_naming_the_field_and_store_nothing(string why, string json, string field)
    {
        using var editor = _api.As(UserRole.Editor);
        var response = await editor.PostAsync("/api/v1/posts", ApiJson.Raw(json));
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiJson.ReadAsync(response);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"{why}: {problem}");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        Assert.Empty((await ApiJson.ReadAsync(await editor.GetAsync("/api/v1/posts"))).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/posts?limit=100000", "limit")]
    [InlineData("/api/v1/posts?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/posts/..%2F..%2Fetc%2Fpasswd", "id")]
    [InlineData("/api/v1/calendar?from=2031-01-01&to=2031-01-07&tz=Not/AZone", "tz")]
    [InlineData("/api/v1/posts?limit=abc", "limit")]
    [InlineData("/api/v1/posts?state=bogus", "state")]
    [InlineData("/api/v1/posts?from=notadate", "from")]
    public async Task Hostile_queries_get_a_400_naming_the_parameter(string path, string field)
    {
        using var viewer = _api.As(UserRole.Viewer);
        var response = await viewer.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiJson.ReadAsync(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain("Nullable", problem.ToString(), StringComparison.Ordinal); // the parameter, not its .NET type
    }

    [Fact]
    public async Task A_form_body_gets_415_saying_to_send_json_and_another_method_gets_405_for_any_role()
    {
        using var editor = _api.As(UserRole.Editor);
        var form = await editor.PostAsync("/api/v1/posts", new FormUrlEncodedContent([new("account", "acme")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Contains("application/json", (await ApiJson.ReadAsync(form)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var viewer = _api.As(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await viewer.PutAsync("/api/v1/posts", ApiJson.Raw("{}"))).StatusCode);

        using var anonymous = _api.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/posts", new FormUrlEncodedContent([new("account", "acme")]))).StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        using var editor = _api.As(UserRole.Editor);
        var response = await editor.PostAsync("/api/v1/posts", ApiJson.Raw("{ \"text\": \"" + new string('a', 2 * 1024 * 1024) + "\" }"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
