using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>Issue 16: over the API, a held thread is one inbox item; an edit names its part; one approval schedules every part.</summary>
public sealed class InboxThreadApiTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() =>
        _api = await ApiHost.StartAsync("""[ { "name": "held", "timeZone": "Europe/Berlin", "approvalRequired": true } ]""");

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    private static async Task<HttpResponseMessage> ApproveAsync(HttpClient client, JsonElement view, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/inbox/{view.GetProperty("item").GetProperty("id").GetString()}/approve") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", view.GetProperty("eTag").GetString());
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_held_thread_is_one_item_and_an_edit_must_name_its_part()
    {
        using var editor = _api.As(UserRole.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/posts", new
        {
            account = "held",
            at = ApiJson.Tomorrow(),
            text = "Thread one: we moved to the harbour.",
            thread = new[] { "Thread two: same coffee, bigger room.", "Thread three: opening party on Saturday." },
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        using var approver = _api.As(UserRole.Approver);
        var pending = await ApiJson.ReadAsync(await approver.GetAsync("/api/v1/inbox?status=Pending"));
        var view = Assert.Single(pending.EnumerateArray());
        var parts = view.GetProperty("item").GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(
            ["Thread one: we moved to the harbour.", "Thread two: same coffee, bigger room.", "Thread three: opening party on Saturday."],
            parts.Select(p => p.GetProperty("draft").GetProperty("text").GetString()));

        var unnamed = await ApproveAsync(approver, view, new { edit = "Thread two: same coffee, a bigger room." });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("$.part", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var approved = await ApproveAsync(approver, view, new { edit = "Thread two: same coffee, a bigger room.", part = 2 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.True((await ApiJson.ReadAsync(approved)).GetProperty("published").GetBoolean());
        foreach (var (part, text) in parts.Zip(["Thread one: we moved to the harbour.", "Thread two: same coffee, a bigger room.", "Thread three: opening party on Saturday."]))
        {
            var post = (await ApiJson.ReadAsync(await approver.GetAsync($"/api/v1/posts/{part.GetProperty("postId").GetString()}"))).GetProperty("post");
            Assert.Equal(("Scheduled", text), (post.GetProperty("state").GetString(), post.GetProperty("text").GetString()));
        }

        Assert.Empty((await ApiJson.ReadAsync(await approver.GetAsync("/api/v1/inbox?status=Pending"))).EnumerateArray());
    }
}
