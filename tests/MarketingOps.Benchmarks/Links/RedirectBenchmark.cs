using System.Diagnostics;
using System.Net;
using MarketingOps.Core.Links;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Publishing;
using MarketingOps.Core.Scheduling;
using MarketingOps.Host.Hosting;
using MarketingOps.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Benchmarks.Links;

/// <summary>
/// Issue 16: the host's short link (<c>GET /l/{code}</c>: the host's pipeline, the code's target looked up, the click
/// stored before the 302: written to SQLite's click journal, imported in the background) against a bare minimal-API endpoint in the same process that looks the target up
/// the same way (the same <see cref="LinkRedirects"/>, its cache over the same store) and answers the same 302, but
/// stores no click. The target is for concurrent clients (the same number on both sides, in alternating rounds, so a
/// busy moment of the shared machine falls on both alike); one request at a time (median latency) is shown beside it.
/// </summary>
internal sealed class RedirectBenchmark : IBenchmark
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    public string Name => "links";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "mops-links-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var sandbox = Path.Combine(Measures.RepositoryRoot(), "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
            await File.WriteAllTextAsync(Path.Combine(root, "plugins.json"),
                $$"""{ "plugins": [ { "id": "sandbox", "path": {{System.Text.Json.JsonSerializer.Serialize(sandbox)}}, "accounts": [ { "name": "acme", "timeZone": "Europe/Berlin" } ] } ] }""", cancellationToken);
            var settings = new Dictionary<string, string?>
            {
                ["Web:Urls"] = "http://127.0.0.1:0",
                ["Links:Tag"] = "true",
                ["Links:ShortBaseUrl"] = "https://go.bench.example",
            };
            // The post is published by the benchmark through the executor, as its trigger would: a link answers only then.
            await using var mops = MopsWebHost.Build(
                new MopsHostOptions(new ClientFolder(root)) { ConsoleLevel = Serilog.Events.LogEventLevel.Fatal, Settings = settings },
                s => s.Replace(ServiceDescriptor.Singleton<IPublishScheduler>(new DemoPublishScheduler())));
            await mops.StartAsync(cancellationToken);
            var scheduled = await mops.Services.GetRequiredService<PostService>().ScheduleAsync(
                new ScheduleRequest("acme", TimeProvider.System.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture), "Benchmark https://shop.example/spring"),
                cancellationToken);
            var link = scheduled.Links!.Links[0];
            var published = await mops.Services.GetRequiredService<PublishExecutor>().ExecuteAsync(scheduled.Post.Id, recovering: false, cancellationToken);
            if (published?.State != PostState.Published)
            {
                throw new InvalidOperationException($"The benchmark's post is {published?.State}, not published");
            }

            var redirects = mops.Services.GetRequiredService<LinkRedirects>();
            await using var bare = await StartBareAsync(redirects, cancellationToken);
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 200 }) { Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Browser);
            var hostUrl = new Uri(new Uri(mops.Urls.First()), "/l/" + link.Code);
            var bareUrl = new Uri(new Uri(bare.Urls.First()), "/l/" + link.Code);

            // The redirect's own work (lookup, committed click) behind a bare pipeline: what the host's middleware adds.
            await using var plain = await StartPlainAsync(redirects, cancellationToken);
            var plainUrl = new Uri(new Uri(plain.Urls.First()), "/l/" + link.Code);
            var healthUrl = new Uri(new Uri(mops.Urls.First()), "/healthz");

            var requests = quick ? 200 : 2_000;
            await OneAtATimeAsync(client, bareUrl, 50, cancellationToken);
            await OneAtATimeAsync(client, hostUrl, 50, cancellationToken);
            await OneAtATimeAsync(client, plainUrl, 50, cancellationToken);
            await OneAtATimeAsync(client, healthUrl, 50, cancellationToken, HttpStatusCode.OK);

            // Alternating rounds, so a busy moment of the shared machine falls on every side alike.
            var bareTimes = new List<double>();
            var hostTimes = new List<double>();
            var plainTimes = new List<double>();
            var health = new List<double>();
            for (var round = 0; round < 10; round++)
            {
                bareTimes.AddRange(await OneAtATimeAsync(client, bareUrl, requests / 10, cancellationToken));
                hostTimes.AddRange(await OneAtATimeAsync(client, hostUrl, requests / 10, cancellationToken));
                plainTimes.AddRange(await OneAtATimeAsync(client, plainUrl, requests / 10, cancellationToken));
                health.AddRange(await OneAtATimeAsync(client, healthUrl, requests / 10, cancellationToken, HttpStatusCode.OK));
            }

            var bareMedian = Measures.Median(bareTimes);
            var hostMedian = Measures.Median(hostTimes);
            report.Add(Name, $"bare minimal-API 302, same target lookup, no click stored (median of {requests})", bareMedian, "ms");
            report.Add(Name, $"GET /l/{{code}}, click committed (median of {requests})", hostMedian, "ms");
            report.Add(Name, "median ratio redirect / bare, one at a time", hostMedian / bareMedian, "x", $"a lone click's commit is not shared, {Measures.LoadAverage()}");
            report.Add(Name, $"committed click behind a bare pipeline (median of {requests})", Measures.Median(plainTimes), "ms");
            report.Add(Name, $"the host's pipeline alone: GET /healthz (median of {requests})", Measures.Median(health), "ms");

            // Where the time goes: the lookup and the committed click alone, without HTTP.
            var inProcess = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                var watch = Stopwatch.StartNew();
                _ = await redirects.FollowAsync(link.Code!, "GET", Browser, cancellationToken);
                inProcess.Add(watch.Elapsed.TotalMilliseconds);
            }

            report.Add(Name, $"lookup and committed click alone, no HTTP (median of {requests})", Measures.Median(inProcess), "ms");

            var clients = quick ? 16 : 64;
            var rounds = quick ? 4 : 10;
            var roundLength = quick ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(1);
            long bareCount = 0, hostCount = 0;
            for (var i = 0; i < rounds; i++)
            {
                // Each side goes first in every other round.
                var bareFirst = i % 2 == 0;
                var first = await ConcurrentAsync(client, bareFirst ? bareUrl : hostUrl, clients, roundLength, cancellationToken);
                var second = await ConcurrentAsync(client, bareFirst ? hostUrl : bareUrl, clients, roundLength, cancellationToken);
                bareCount += bareFirst ? first : second;
                hostCount += bareFirst ? second : first;
            }

            var seconds = rounds * roundLength.TotalSeconds;
            report.Add(Name, $"bare: redirects by {clients} clients in {seconds:0} s", bareCount, "requests");
            report.Add(Name, $"/l/{{code}}: redirects by {clients} clients in {seconds:0} s", hostCount, "requests");
            report.Add(Name, "throughput ratio bare / redirect (target <= 1.5)", (double)bareCount / hostCount, "x",
                $"{clients} clients on each side, {rounds} alternating rounds, {Measures.LoadAverage()}");

            var stored = await mops.Services.GetRequiredService<LinkStore>().GetAsync(link.Code!, cancellationToken);
            var expected = 100 + (3 * requests) + hostCount;
            report.Add(Name, "clicks stored / redirects sent (must be 1)", (double)stored!.Clicks / expected, "x");
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

    // The baseline: the same lookup and 302 behind no pipeline, nothing stored.
    private static Task<WebApplication> StartBareAsync(LinkRedirects redirects, CancellationToken cancellationToken) =>
        BareWebApp.StartAsync(
            app => app.MapGet("/l/{code}", async (string code, CancellationToken ct) =>
                await redirects.FindAsync(code, ct) is { } target ? Results.Redirect(target.Target.AbsoluteUri) : Results.NotFound()),
            cancellationToken);

    private static Task<WebApplication> StartPlainAsync(LinkRedirects redirects, CancellationToken cancellationToken) =>
        BareWebApp.StartAsync(
            app => app.MapGet("/l/{code}", async (string code, HttpContext context, CancellationToken ct) =>
                await redirects.FollowAsync(code, context.Request.Method, context.Request.Headers.UserAgent.ToString(), ct) is { } target ? Results.Redirect(target.Target.AbsoluteUri) : Results.NotFound()),
            cancellationToken);

    private static async Task<List<double>> OneAtATimeAsync(HttpClient client, Uri url, int count, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.Found)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}, not {(int)expected}");
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    // Bounded: a fixed number of clients loop until the deadline; every answer must be a 302.
    private static async Task<long> ConcurrentAsync(HttpClient client, Uri url, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Found)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} under load, not 302");
                }

                Interlocked.Increment(ref count);
            }
        }));
        return count;
    }
}
