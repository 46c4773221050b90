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

    // A thread of three parts on the account whose posts wait for approval.
    private async Task HoldThreadAsync()
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
    }

    [Fact]
    public async Task A_held_thread_is_one_item_and_an_edit_must_name_its_part()
    {
        await HoldThreadAsync();

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

    [Fact]
    public async Task Several_parts_of_a_held_thread_are_edited_in_one_approval()
    {
        await HoldThreadAsync();
        using var approver = _api.As(UserRole.Approver);
        var view = Assert.Single((await ApiJson.ReadAsync(await approver.GetAsync("/api/v1/inbox?status=Pending"))).EnumerateArray());
        var parts = view.GetProperty("item").GetProperty("parts").EnumerateArray().ToList();

        var mixed = await ApproveAsync(approver, view, new { edit = "Thread one!", part = 1, edits = new[] { new { part = 3, text = "Thread three!" } } });
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        var twice = await ApproveAsync(approver, view, new { edits = new[] { new { part = 3, text = "Thread three!" }, new { part = 3, text = "Thread three?" } } });
        Assert.NotEqual(HttpStatusCode.OK, twice.StatusCode);

        var approved = await ApproveAsync(approver, view, new
        {
            edits = new[] { new { part = 1, text = "Thread one: we moved to the harbour!" }, new { part = 3, text = "Thread three: opening party on Saturday at 6." } },
        });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decision = Assert.Single((await ApiJson.ReadAsync(approved)).GetProperty("item").GetProperty("item").GetProperty("decisions").EnumerateArray());
        Assert.Equal([1, 3], decision.GetProperty("editedParts").EnumerateArray().Select(e => e.GetProperty("part").GetInt32()));
        foreach (var (part, text) in parts.Zip(["Thread one: we moved to the harbour!", "Thread two: same coffee, bigger room.", "Thread three: opening party on Saturday at 6."]))
        {
            var post = (await ApiJson.ReadAsync(await approver.GetAsync($"/api/v1/posts/{part.GetProperty("postId").GetString()}"))).GetProperty("post");
            Assert.Equal(text, post.GetProperty("text").GetString());
        }
    }
}
