using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MarketingOps.Core.Access;
using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Inbox;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Hosting;
using MarketingOps.Host.Web;
using MarketingOps.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MarketingOps.Benchmarks.Dashboard;

/// <summary>
/// Issue 14, acceptance 3: the dashboard's month calendar rendered on the server with 10,000 posts due in that month,
/// and its inbox with 1,000 pending proposals, each against the API's list endpoint for the same rows, on the same
/// host and store, one request at a time in alternating rounds; p95 and the ratios.
/// </summary>
internal sealed class DashboardBenchmark : IBenchmark
{
    public string Name => "dashboard";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "mops-dashboard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var sandbox = Path.Combine(Measures.RepositoryRoot(), "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
            await File.WriteAllTextAsync(Path.Combine(root, "plugins.json"),
                $$"""{ "plugins": [ { "id": "sandbox", "path": {{JsonSerializer.Serialize(sandbox)}}, "accounts": [ { "name": "acme", "timeZone": "Europe/Berlin" } ] } ] }""", cancellationToken);
            var settings = new Dictionary<string, string?> { ["Web:Urls"] = "http://127.0.0.1:0" };
            await using var mops = MopsWebHost.Build(new MopsHostOptions(new ClientFolder(root)) { ConsoleLevel = Serilog.Events.LogEventLevel.Fatal, Settings = settings });
            await mops.StartAsync(cancellationToken);

            // The month after next, so every post is still due; all of them in it, the calendar's heaviest case.
            var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone).DateTime);
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
            var posts = quick ? 2_000 : 10_000;
            var proposals = 1_000;
            await SeedPostsAsync(mops.Services.GetRequiredService<IPostStore>(), month, zone, posts, cancellationToken);
            await SeedInboxAsync(mops.Services, proposals, cancellationToken);
            var token = (await mops.Services.GetRequiredService<AccessService>().CreateTokenAsync("bench", UserRole.Owner, null, null, cancellationToken)).Value;

            using var client = new HttpClient { BaseAddress = new Uri(mops.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // The month page shows whole weeks, Monday to Sunday; the API is asked for the same days.
            var first = month.AddDays(-(((int)month.DayOfWeek + 6) % 7));
            var last = month.AddMonths(1).AddDays(-1);
            last = last.AddDays((7 - (int)last.DayOfWeek) % 7);
            var from = Instant(first, zone);
            var to = Instant(last.AddDays(1), zone);
            var page = $"/calendar?view=month&date={month:yyyy-MM-dd}&tz=Europe/Berlin";
            var calendarApi = $"/api/v1/calendar?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}&tz=Europe/Berlin";
            var listApi = $"/api/v1/posts?from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}&limit=500";
            var shown = await CountAsync(client, listApi, cancellationToken);
            if (shown != posts)
            {
                throw new InvalidOperationException($"the list endpoint found {shown} posts in the month, {posts} were seeded");
            }

            var requests = quick ? 30 : 200;
            var calendar = await AlternateAsync(requests, cancellationToken,
                ("page", () => GetAsync(client, page, "data-post-id", cancellationToken)),
                ("calendar", () => GetAsync(client, calendarApi, "\"days\"", cancellationToken)),
                ("list", async () => await CountAsync(client, listApi, cancellationToken)));
            Print(report, $"month calendar page, {posts} posts in the month", calendar["page"], requests);
            Print(report, "GET /api/v1/calendar, same days", calendar["calendar"], requests);
            Print(report, "GET /api/v1/posts, same rows, pages of 500", calendar["list"], requests);
            report.Add("dashboard", "calendar page p95 (target < 50 ms)", Percentile(calendar["page"], 0.95), "ms", $"{posts} posts, SQLite, {Environment.ProcessorCount} cores, shared machine, {Measures.LoadAverage()}");
            report.Add("dashboard", "p95 ratio calendar page / GET /api/v1/calendar", Percentile(calendar["page"], 0.95) / Percentile(calendar["calendar"], 0.95), "x");
            report.Add("dashboard", "p95 ratio calendar page / GET /api/v1/posts (all pages)", Percentile(calendar["page"], 0.95) / Percentile(calendar["list"], 0.95), "x");

            var inbox = await AlternateAsync(requests, cancellationToken,
                ("page", () => GetAsync(client, "/inbox", "inbox-item", cancellationToken)),
                ("list", () => GetAsync(client, "/api/v1/inbox?status=Pending", "\"id\"", cancellationToken)));
            Print(report, $"inbox page, {proposals} pending proposals", inbox["page"], requests);
            Print(report, "GET /api/v1/inbox?status=Pending, same items", inbox["list"], requests);
            report.Add("dashboard", "inbox page p95 (target < 50 ms)", Percentile(inbox["page"], 0.95), "ms", $"{proposals} pending, {Measures.LoadAverage()}");
            report.Add("dashboard", "p95 ratio inbox page / GET /api/v1/inbox", Percentile(inbox["page"], 0.95) / Percentile(inbox["list"], 0.95), "x");
            await mops.StopAsync(cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Print(BenchmarkReport report, string what, List<double> times, int requests)
    {
        report.Add("dashboard", $"{what}: p50", Percentile(times, 0.5), "ms", $"{requests} requests");
        report.Add("dashboard", $"{what}: p95", Percentile(times, 0.95), "ms");
    }

    /// <summary>Warms each side up, then measures them in ten alternating rounds, so a busy moment of the machine falls on all alike.</summary>
    private static async Task<Dictionary<string, List<double>>> AlternateAsync(int requests, CancellationToken cancellationToken, params (string Name, Func<Task> Call)[] sides)
    {
        foreach (var (_, call) in sides)
        {
            for (var i = 0; i < 10; i++)
            {
                await call();
            }
        }

        var times = sides.ToDictionary(s => s.Name, _ => new List<double>());
        for (var round = 0; round < 10; round++)
        {
            foreach (var (name, call) in sides)
            {
                for (var i = 0; i < requests / 10; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var watch = Stopwatch.StartNew();
                    await call();
                    times[name].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        return times;
    }

    private static async Task GetAsync(HttpClient client, string url, string expected, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || !body.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{url}: {(int)response.StatusCode}, without {expected}");
        }
    }

    /// <summary>Follows the list endpoint's cursor to the end, as a client reading every row would; returns the rows read.</summary>
    private static async Task<int> CountAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        var count = 0;
        string? cursor = null;
        do
        {
            using var response = await client.GetAsync(cursor is null ? url : $"{url}&cursor={Uri.EscapeDataString(cursor)}", cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            count += json.RootElement.GetProperty("items").GetArrayLength();
            cursor = json.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return count;
    }

    private static async Task SeedPostsAsync(IPostStore store, DateOnly month, TimeZoneInfo zone, int count, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var start = Instant(month, zone);
        var span = Instant(month.AddMonths(1), zone) - start;
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7(now).ToString("N");
            var due = start + (span * ((i + 0.5) / count));
            var post = new Post(id, "acme", $"Benchmark post {i}: <beans> & \"roasts\", brewed", due, PostState.Scheduled, "mops-" + id) { DueAt = due, CreatedAt = now, UpdatedAt = now };
            await store.InsertAsync(post, "seeded by the benchmark", cancellationToken);
        }
    }

    /// <summary>Pending replies as a workflow proposes them, written to the inbox's store with one real guardrail verdict.</summary>
    private static async Task SeedInboxAsync(IServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IInboxStore>();
        var now = TimeProvider.System.GetUtcNow();
        var draft = new PostDraft("Thanks for the question, we roast on Tuesdays") { Kind = MessageKind.Reply, Recipient = "@someone", InReplyTo = "1" };
        var verdict = await services.GetRequiredService<IGuardrails>().ExplainAsync(new OutgoingMessage("bench", "acme", draft, now, MessageOrigin.Inbox), cancellationToken);
        for (var i = 0; i < count; i++)
        {
            var item = new InboxItem
            {
                Id = Guid.NewGuid().ToString("N")[..12],
                Kind = InboxItemKind.Proposal,
                Platform = "sandbox",
                Account = "acme",
                Draft = draft with { Text = $"Thanks for question {i}, we roast on Tuesdays", Recipient = $"@person{i}", InReplyTo = i.ToString(CultureInfo.InvariantCulture) },
                Source = "benchmark/follow-up",
                Trigger = $"mention by @person{i}",
                ProposedAt = now.AddSeconds(-i),
                Verdict = verdict,
            };
            await store.AddAsync(item, cancellationToken);
        }
    }

    private static DateTimeOffset Instant(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static double Percentile(List<double> values, double p) => Measures.Percentile(values, p);
}
