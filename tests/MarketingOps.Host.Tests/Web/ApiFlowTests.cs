using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MarketingOps.Core.Access;
using ModelContextProtocol.Client;

namespace MarketingOps.Host.Tests.Web;

/// <summary>Whole flows over real HTTP: a post followed to Published over SSE, the inbox's ETags, experiments' errors, MCP proposals, and no secret in any GET.</summary>
public sealed class ApiFlowTests : IAsyncLifetime
{
    private const string Canary = "canary-7f3e9a1b-never-returned";
    private ApiHost _api = null!;

    // A zone where it is now midday, so the quiet hours never hold these posts whatever time the tests run.
    private static string MiddayZone()
    {
        var offset = 12 - TimeProvider.System.GetUtcNow().Hour;
        offset = Math.Clamp(offset, -12, 12);
        return offset == 0 ? "Etc/UTC" : string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}");
    }

    public async ValueTask InitializeAsync()
    {
        var zone = MiddayZone();
        _api = await ApiHost.StartAsync($$"""[ { "name": "acme", "timeZone": "{{zone}}", "settings": { "handle": "{{Canary}}" } }, { "name": "held", "timeZone": "{{zone}}", "approvalRequired": true } ]""");
    }

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_open_event_stream_ends_cleanly_when_the_host_stops()
    {
        using var viewer = _api.As(UserRole.Viewer);
        using var stream = await viewer.GetStreamAsync("/api/v1/events");
        using var reader = new StreamReader(stream);
        Assert.Equal("event: ready", await reader.ReadLineAsync());

        // Ctrl+C on `mops run`: the stream ends as the host begins to stop; before, Kestrel cut it off (a reset, read here as
        // an IOException) only when the shutdown timeout ran out, and the host waited that long for each follower.
        var stopping = _api.App.StopAsync();
        var rest = await reader.ReadToEndAsync();
        await stopping;
        Assert.DoesNotContain("event: post", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_scheduled_for_now_is_followed_to_published_over_server_sent_events()
    {
        using var viewer = _api.As(UserRole.Viewer);
        using var stream = await viewer.GetStreamAsync("/api/v1/events");
        using var reader = new StreamReader(stream);

        using var editor = _api.As(UserRole.Editor);
        var at = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var created = await editor.PostAsJsonAsync("/api/v1/posts", new { account = "acme", at, text = "Doors open now: fresh espresso at the roastery" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiJson.ReadAsync(created)).GetProperty("post").GetProperty("id").GetString()!;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var states = new List<string>();
        while (!states.Contains("Published"))
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the event stream ended");
            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(id, StringComparison.Ordinal))
            {
                using var data = System.Text.Json.JsonDocument.Parse(line["data:".Length..]);
                states.Add(data.RootElement.GetProperty("state").GetString()!);
            }
        }

        // Each event carries the post's state when the host saw the change; the last one is where it ended.
        Assert.Equal("Published", states[^1]);
        var post = await ApiJson.ReadAsync(await viewer.GetAsync($"/api/v1/posts/{id}"));
        Assert.Equal("Published", post.GetProperty("post").GetProperty("state").GetString());
        Assert.NotNull(post.GetProperty("post").GetProperty("platformUrl").GetString());
    }

    [Fact]
    public async Task Two_approvers_deciding_at_once_make_one_decision_and_the_other_gets_412()
    {
        using var editor = _api.As(UserRole.Editor);
        var created = await editor.PostAsJsonAsync("/api/v1/posts", new { account = "held", at = ApiJson.Tomorrow(), text = "New single origin from Huila arrives next week" });
        Assert.Equal("PendingApproval", (await ApiJson.ReadAsync(created)).GetProperty("post").GetProperty("state").GetString());

        using var approver = _api.As(UserRole.Approver);
        var item = (await ApiJson.ReadAsync(await approver.GetAsync("/api/v1/inbox?status=Pending")))[0];
        var id = item.GetProperty("item").GetProperty("id").GetString();
        var etag = item.GetProperty("eTag").GetString();

        async Task<HttpStatusCode> Approve()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/inbox/{id}/approve") { Content = JsonContent.Create(new { }) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return (await approver.SendAsync(request)).StatusCode;
        }

        var results = await Task.WhenAll(Approve(), Approve());
        Assert.Single(results, HttpStatusCode.OK);
        Assert.Single(results, HttpStatusCode.PreconditionFailed);
        var decided = await ApiJson.ReadAsync(await approver.GetAsync($"/api/v1/inbox/{id}"));
        Assert.Single(decided.GetProperty("item").GetProperty("decisions").EnumerateArray());
    }

    [Fact]
    public async Task An_experiment_body_with_an_error_gets_its_line_and_column_and_nothing_is_created()
    {
        using var editor = _api.As(UserRole.Editor);
        var yaml = "name: spring\nvariants:\n  - name: a\n    text: [unclosed\n";
        using var content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        var response = await editor.PostAsync("/api/v1/experiments", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches(@"request\.yaml:\d+:\d+", (await ApiJson.ReadAsync(response)).GetProperty("detail").GetString());
        Assert.Empty((await ApiJson.ReadAsync(await editor.GetAsync("/api/v1/experiments"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/v1/experiments/nothing/report")).StatusCode);
    }

    [Fact]
    public async Task An_mcp_client_can_propose_a_reply_into_the_inbox_and_finds_no_tool_that_publishes()
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(_api.BaseAddress, "/mcp"),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + _api.TokenOf(UserRole.Editor) },
        });
        await using var client = await McpClient.CreateAsync(transport);
        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("propose_reply", tools);
        Assert.DoesNotContain(tools, t => t.Contains("publish", StringComparison.OrdinalIgnoreCase) || t.Contains("approve", StringComparison.OrdinalIgnoreCase)
            || t.Contains("setting", StringComparison.OrdinalIgnoreCase) || t.Contains("schedule", StringComparison.OrdinalIgnoreCase) || t.Contains("delete", StringComparison.OrdinalIgnoreCase));

        var result = await client.CallToolAsync("propose_reply", new Dictionary<string, object?>
        {
            ["account"] = "acme",
            ["text"] = "Thanks for visiting, glad you liked the Huila!",
            ["inReplyTo"] = "sandbox-post-1",
            ["recipient"] = "@ana",
        });
        Assert.NotEqual(true, result.IsError);

        using var approver = _api.As(UserRole.Approver);
        var inbox = await ApiJson.ReadAsync(await approver.GetAsync("/api/v1/inbox?status=Pending"));
        var proposed = Assert.Single(inbox.EnumerateArray());
        Assert.Equal("Thanks for visiting, glad you liked the Huila!", proposed.GetProperty("item").GetProperty("draft").GetProperty("text").GetString());

        using var anonymous = _api.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/mcp", ApiJson.Raw("{}"))).StatusCode);
    }

    [Fact]
    public async Task No_get_returns_the_canary_secret_or_a_token()
    {
        using var owner = _api.As(UserRole.Owner);
        await owner.PostAsJsonAsync("/api/v1/posts", new { account = "acme", at = ApiJson.Tomorrow(), text = "Canary check post" });
        var document = await ApiJson.ReadAsync(await owner.GetAsync("/openapi/v1.json"));
        var checkedPaths = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out _) || path.Name.Contains("events", StringComparison.Ordinal))
            {
                continue;
            }

            var url = path.Name.Replace("{name}", "acme", StringComparison.Ordinal).Replace("{id}", "x", StringComparison.Ordinal);
            if (path.Name == "/api/v1/calendar")
            {
                url += "?from=2020-01-01&to=2020-01-02";
            }

            var body = await owner.GetStringAsyncAllowingErrors(url);
            Assert.DoesNotContain(Canary, body, StringComparison.Ordinal);
            foreach (var role in Enum.GetValues<UserRole>())
            {
                Assert.DoesNotContain(_api.TokenOf(role)[10..], body, StringComparison.Ordinal);
            }

            checkedPaths++;
        }

        Assert.True(checkedPaths >= 12, $"only {checkedPaths} GETs checked");
    }
}
