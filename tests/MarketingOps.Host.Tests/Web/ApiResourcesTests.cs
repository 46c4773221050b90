using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MarketingOps.Core.Access;

namespace MarketingOps.Host.Tests.Web;

/// <summary>
/// The resources no flow test reaches, each used as a client would and answered with what it promises: guardrails
/// check, plugins, the automation report, the calculators, an account's activity, an experiment from creation to its
/// HTML report, and an inbox rejection.
/// </summary>
public sealed class ApiResourcesTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async ValueTask InitializeAsync() =>
        _api = await ApiHost.StartAsync("""[ { "name": "acme", "timeZone": "Europe/Berlin" }, { "name": "held", "timeZone": "Europe/Berlin", "approvalRequired": true } ]""");

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Guardrails_check_allows_a_fair_text_and_names_the_rule_that_refuses_an_overlong_one()
    {
        using var viewer = _api.As(UserRole.Viewer);
        var fair = await ApiJson.ReadAsync(await viewer.PostAsJsonAsync("/api/v1/guardrails/check", new { account = "acme", text = "Fresh beans from Huila this week" }));
        Assert.Equal("Allow", fair.GetProperty("outcome").GetString());

        var overlong = await ApiJson.ReadAsync(await viewer.PostAsJsonAsync("/api/v1/guardrails/check", new { account = "acme", text = new string('a', 301) }));
        Assert.NotEqual("Allow", overlong.GetProperty("outcome").GetString());
        Assert.Contains(overlong.GetProperty("results").EnumerateArray(), r => r.GetProperty("outcome").GetString() != "Allow" && r.GetProperty("rule").GetString()!.Length > 0);
        Assert.Empty((await ApiJson.ReadAsync(await viewer.GetAsync("/api/v1/posts"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Plugins_list_the_sandbox_as_active_and_the_automation_report_and_the_accounts_activity_count_a_post_published_by_hand()
    {
        using var viewer = _api.As(UserRole.Viewer);
        var plugins = await ApiJson.ReadAsync(await viewer.GetAsync("/api/v1/plugins"));
        Assert.Contains(plugins.EnumerateArray(), p => p.GetProperty("id").GetString() == "sandbox" && p.GetProperty("status").GetString() == "Active");

        // The report counts what went out: a post due now, followed over the events until it is published.
        using var events = await viewer.GetStreamAsync("/api/v1/events");
        using var reader = new StreamReader(events);
        Assert.Equal("event: ready", await reader.ReadLineAsync());
        using var editor = _api.As(UserRole.Editor);
        var at = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var created = await ApiJson.ReadAsync(await editor.PostAsJsonAsync("/api/v1/posts", new { account = "acme", at, text = "Cupping on Saturday at ten" }));
        var published = $"\"id\":\"{created.GetProperty("post").GetProperty("id").GetString()}\",\"state\":\"Published\"";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!(await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the event stream ended")).Contains(published, StringComparison.Ordinal))
        {
        }

        var report = await ApiJson.ReadAsync(await viewer.GetAsync("/api/v1/reports/automation"));
        var rows = report.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("account").GetString() == "acme").ToList();
        Assert.Equal(1, rows.Sum(r => r.GetProperty("posts").GetProperty("hand").GetInt32()));

        var activity = await ApiJson.ReadAsync(await viewer.GetAsync("/api/v1/accounts/acme/activity"));
        Assert.Equal("acme", activity.GetProperty("account").GetString());
        Assert.NotEmpty(activity.GetProperty("budgets").EnumerateArray());
        Assert.Equal(created.GetProperty("post").GetProperty("id").GetString(), activity.GetProperty("lastPublishedPostId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/accounts/nobody/activity")).StatusCode);
    }

    [Fact]
    public async Task The_calculators_answer_as_the_cli_does()
    {
        using var viewer = _api.As(UserRole.Viewer);
        var proportions = await ApiJson.ReadAsync(await viewer.PostAsJsonAsync("/api/v1/stats/proportions", new { control = "120/4000", variants = new[] { "200/4000" } }));
        var variant = proportions.GetProperty("variants")[0];
        Assert.True(variant.GetProperty("lift").GetDouble() > 0.5, proportions.ToString());
        Assert.True(variant.GetProperty("pValue").GetDouble() < 0.001, proportions.ToString());

        var balanced = await ApiJson.ReadAsync(await viewer.PostAsJsonAsync("/api/v1/stats/srm", new { counts = new[] { 5000, 5010 } }));
        Assert.False(balanced.GetProperty("mismatch").GetBoolean());
        var skewed = await ApiJson.ReadAsync(await viewer.PostAsJsonAsync("/api/v1/stats/srm", new { counts = new[] { 5000, 6000 } }));
        Assert.True(skewed.GetProperty("mismatch").GetBoolean());

        var size = await ApiJson.ReadAsync(await viewer.PostAsJsonAsync("/api/v1/stats/samplesize", new { baseline = 0.02, mde = 0.1 }));
        Assert.True(size.GetProperty("perArm").GetInt64() > 1000, size.ToString());

        var refused = await viewer.PostAsJsonAsync("/api/v1/stats/samplesize", new { baseline = 2.0, mde = 0.1 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await ApiJson.ReadAsync(refused)).TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task An_experiment_is_created_from_yaml_shown_stopped_by_its_editor_and_reported_as_json_and_as_escaped_html()
    {
        using var editor = _api.As(UserRole.Editor);
        var start = TimeProvider.System.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yaml = $$"""
            name: crema-<b>wording</b>
            accounts: [acme]
            variants:
              - name: feature
                rounds:
                  - "Our new grinder keeps every setting you dial in. https://shop.example/grinder"
                  - "Dial in once: the grinder remembers. https://shop.example/grinder"
              - name: benefit
                rounds:
                  - "Same great espresso every morning, no fiddling. https://shop.example/grinder"
                  - "Skip the fiddling: your best shot, every morning. https://shop.example/grinder"
            metric: link-click-rate
            allocation:
              postsPerVariant: 2
              start: {{start}} 09:00
              dailySlots: ["09:00", "13:00"]
              seed: 7
            horizon: 1d
            decision:
              method: frequentist
              minPostsPerVariant: 2
            """;
        using var content = new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml");
        var created = await editor.PostAsync("/api/v1/experiments", content);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await ApiJson.ReadAsync(created)).GetProperty("experiment").GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/experiments/{id}", created.Headers.Location?.OriginalString);

        using var viewer = _api.As(UserRole.Viewer);
        Assert.Equal(4, (await ApiJson.ReadAsync(await viewer.GetAsync("/api/v1/posts?experiment=" + id))).GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync($"/api/v1/experiments/{id}/stop", new { reason = "not mine to stop" })).StatusCode);

        var stopped = await ApiJson.ReadAsync(await editor.PostAsJsonAsync($"/api/v1/experiments/{id}/stop", new { reason = "the grinder is sold out" }));
        Assert.Equal("Stopped", stopped.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync($"/api/v1/experiments/{id}/stop", new { reason = "again" })).StatusCode);

        var report = await ApiJson.ReadAsync(await viewer.GetAsync($"/api/v1/experiments/{id}/report"));
        Assert.Equal("crema-<b>wording</b>", report.GetProperty("name").GetString());
        Assert.Equal("Stopped", report.GetProperty("state").GetString());

        var html = await viewer.GetAsync($"/api/v1/experiments/{id}/report.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("crema-&lt;b&gt;wording&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>wording</b>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_rejects_a_held_post_with_a_reason_and_it_is_never_published()
    {
        using var editor = _api.As(UserRole.Editor);
        var created = await ApiJson.ReadAsync(await editor.PostAsJsonAsync("/api/v1/posts", new { account = "held", at = ApiJson.Tomorrow(), text = "Half price on all pour-over kits" }));
        var postId = created.GetProperty("post").GetProperty("id").GetString();

        using var approver = _api.As(UserRole.Approver);
        var item = (await ApiJson.ReadAsync(await approver.GetAsync("/api/v1/inbox?status=Pending")))[0];
        var id = item.GetProperty("item").GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/inbox/{id}/reject") { Content = JsonContent.Create(new { reason = "no discounts this month" }) };
        request.Headers.TryAddWithoutValidation("If-Match", item.GetProperty("eTag").GetString());
        var rejected = await approver.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        var shown = await ApiJson.ReadAsync(await approver.GetAsync($"/api/v1/inbox/{id}"));
        Assert.Equal("Rejected", shown.GetProperty("item").GetProperty("status").GetString());
        Assert.Contains("no discounts this month", shown.ToString(), StringComparison.Ordinal);
        var post = await ApiJson.ReadAsync(await approver.GetAsync($"/api/v1/posts/{postId}"));
        Assert.NotEqual("Published", post.GetProperty("post").GetProperty("state").GetString());
        Assert.NotEqual("Scheduled", post.GetProperty("post").GetProperty("state").GetString());
    }
}
