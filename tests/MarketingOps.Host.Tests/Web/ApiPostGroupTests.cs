using System.Net;
using System.Net.Http.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>Issue 16 over HTTP: the schedule endpoint takes several accounts, per-account texts and a thread, all or nothing.</summary>
public sealed class ApiPostGroupTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() =>
        _api = await ApiHost.StartAsync("""[ { "name": "acme", "timeZone": "Europe/Berlin" }, { "name": "globex", "timeZone": "Europe/Berlin" } ]""");

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_group_with_a_thread_is_created_whole_and_get_shows_the_group_and_the_thread()
    {
        using var editor = _api.As(UserRole.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/posts", new
        {
            account = "acme",
            accounts = new[] { "globex" },
            at = ApiJson.Tomorrow(),
            text = "Roastery open day on Saturday, everyone welcome",
            textFor = new Dictionary<string, string> { ["globex"] = "Globex joins the roastery open day with pastries" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var outcome = await ApiJson.ReadAsync(created);
        var posts = outcome.GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(["acme", "globex"], posts.Select(p => p.GetProperty("account").GetString()));
        Assert.Equal("Globex joins the roastery open day with pastries", posts[1].GetProperty("text").GetString());
        var groupId = outcome.GetProperty("groupId").GetString();
        Assert.All(posts, p => Assert.Equal(groupId, p.GetProperty("groupId").GetString()));
        var group = await ApiJson.ReadAsync(await editor.GetAsync($"/api/v1/posts/{posts[1].GetProperty("id").GetString()}"));
        Assert.Equal(2, group.GetProperty("group").GetArrayLength());

        var thread = await editor.PostAsJsonAsync("/api/v1/posts", new
        {
            account = "acme",
            at = ApiJson.Tomorrow(),
            text = "Three things we learned roasting in winter",
            thread = new[] { "One: the beans rest longer", "Two: the first crack comes later" },
        });
        Assert.Equal(HttpStatusCode.Created, thread.StatusCode);
        var parts = (await ApiJson.ReadAsync(thread)).GetProperty("posts").EnumerateArray().ToList();
        Assert.Equal(3, parts.Count);
        var details = await ApiJson.ReadAsync(await editor.GetAsync($"/api/v1/posts/{parts[2].GetProperty("id").GetString()}"));
        Assert.Equal([1, 2, 3], details.GetProperty("thread").EnumerateArray().Select(p => p.GetProperty("threadPart").GetInt32()));
        Assert.Equal(0, details.GetProperty("group").GetArrayLength());
    }

    [Fact]
    public async Task A_group_with_one_refused_part_gives_400_naming_the_part_and_creates_nothing()
    {
        using var editor = _api.As(UserRole.Editor);
        var refused = await editor.PostAsJsonAsync("/api/v1/posts", new
        {
            account = "acme",
            accounts = new[] { "globex" },
            at = ApiJson.Tomorrow(),
            text = "Fresh sourdough every morning from seven",
            textFor = new Dictionary<string, string> { ["globex"] = "Globex bakes rye on Sundays now" },
            thread = new[] { "The rye loaves sell out by nine" },
        });

        // The same second part on two accounts of one network is the duplicate the guardrails refuse.
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ApiJson.ReadAsync(refused);
        var errors = problem.GetProperty("errors").GetProperty("$.thread[0]").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("globex, part 2 of 2: refused by the guardrails", StringComparison.Ordinal));
        var page = await ApiJson.ReadAsync(await editor.GetAsync("/api/v1/posts?limit=100"));
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }
}
