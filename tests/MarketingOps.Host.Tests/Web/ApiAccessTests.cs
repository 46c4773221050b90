using System.Net;
using System.Net.Http.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>Sign-in, sessions with antiforgery, tokens and lockout through the real HTTP pipeline.</summary>
public sealed class ApiAccessTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() => _api = await ApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Anonymous_callers_get_a_401_problem_and_healthz_answers()
    {
        using var client = _api.Anonymous();

        var posts = await client.GetAsync("/api/v1/posts");
        Assert.Equal(HttpStatusCode.Unauthorized, posts.StatusCode);
        Assert.Equal("application/problem+json", posts.Content.Headers.ContentType?.MediaType);

        var live = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await ApiJson.ReadAsync(await client.GetAsync("/readyz"));
        Assert.True(ready.GetProperty("ready").GetBoolean(), ready.ToString());
        Assert.Equal("running", ready.GetProperty("scheduler").GetString());
    }

    [Fact]
    public async Task A_viewer_token_reads_but_cannot_schedule_and_an_editor_token_schedules_as_its_user()
    {
        using var viewer = _api.As(UserRole.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/accounts")).StatusCode);
        var body = new { account = "acme", at = ApiJson.Tomorrow(), text = "Fresh beans from the roaster this week" };
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/posts", body)).StatusCode);

        using var editor = _api.As(UserRole.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/posts", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiJson.ReadAsync(created)).GetProperty("post").GetProperty("id").GetString();

        var shown = await ApiJson.ReadAsync(await viewer.GetAsync($"/api/v1/posts/{id}"));
        var reason = shown.GetProperty("history")[0].GetProperty("reason").GetString();
        Assert.StartsWith("scheduled by editor-user (api, token editor-user-token)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_session_needs_the_antiforgery_token_for_changes()
    {
        using var browser = _api.Anonymous();
        var signIn = await browser.PostAsJsonAsync("/api/v1/session", new { name = "editor-user", password = ApiHost.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = string.Join(";", signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("mops.session=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var antiforgery = (await ApiJson.ReadAsync(signIn)).GetProperty("antiforgeryToken").GetString();

        var body = new { account = "acme", at = ApiJson.Tomorrow(), text = "Cold brew season opens on Friday" };
        var refused = await browser.PostAsJsonAsync("/api/v1/posts", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await ApiJson.ReadAsync(refused)).GetProperty("errors").TryGetProperty("X-CSRF-TOKEN", out _));
        Assert.Empty((await ApiJson.ReadAsync(await browser.GetAsync("/api/v1/posts"))).GetProperty("items").EnumerateArray());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/posts") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", antiforgery);
        var accepted = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var history = (await ApiJson.ReadAsync(accepted)).GetProperty("post").GetProperty("id").GetString();
        Assert.NotNull(history);

        // Resetting the password ends the session.
        await _api.Service<AccessService>().ResetPasswordAsync("editor-user", ApiHost.Password + "!", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/posts")).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_user_out_even_with_the_right_one()
    {
        using var client = _api.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/session", new { name = "viewer-user", password = "wrong password " + i })).StatusCode);
        }

        var fifth = await client.PostAsJsonAsync("/api/v1/session", new { name = "viewer-user", password = "wrong again, fifth" });
        Assert.Equal((HttpStatusCode)429, fifth.StatusCode);
        Assert.NotNull(fifth.Headers.RetryAfter);
        var right = await client.PostAsJsonAsync("/api/v1/session", new { name = "viewer-user", password = ApiHost.Password });
        Assert.Equal((HttpStatusCode)429, right.StatusCode);
    }

    [Fact]
    public async Task A_revoked_or_malformed_token_is_refused_and_last_use_is_recorded()
    {
        var access = _api.Service<AccessService>();
        var issued = await access.CreateTokenAsync("zapier", UserRole.Editor, null, null, CancellationToken.None);
        using var client = _api.WithToken(issued.Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/posts")).StatusCode);
        var listed = (await access.ListTokensAsync(null, CancellationToken.None)).Single(t => t.Id == issued.Token.Id);
        Assert.NotNull(listed.LastUsedAt);
        Assert.NotEqual(issued.Value, listed.SecretHash);
        Assert.DoesNotContain(issued.Value[^20..], listed.SecretHash, StringComparison.Ordinal);

        await access.RevokeTokenAsync("zapier", null, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/posts")).StatusCode);
        using var forged = _api.WithToken(issued.Value[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/posts")).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = _api.As(UserRole.Viewer);
        foreach (var path in new[] { "/api/v1/posts", "/healthz", "/api/v1/nothing-here", "/openapi/v1.json" })
        {
            var response = await client.GetAsync(path);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
