using System.Diagnostics;
using System.Net.Http.Headers;
using MarketingOps.Core.Access;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;
using MarketingOps.Host.Hosting;
using MarketingOps.Host.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Benchmarks.Api;

/// <summary>
/// Issue 13: <c>GET /api/v1/posts?limit=100</c> (token authentication, paging, mapping, security headers) against a bare
/// minimal-API endpoint reading the same 100 rows from the same store, one request at a time; then a bounded load of
/// concurrent clients on loopback, counting errors and the 99th percentile, with the store holding 10,000 posts.
/// </summary>
internal sealed class ApiBenchmark : IBenchmark
{
    public string Name => "api";

    public async Task RunAsync(bool quick, BenchmarkReport report, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "mops-api-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var sandbox = Path.Combine(RepositoryRoot(), "artifacts", "plugins", "MarketingOps.Plugins.Sandbox");
            await File.WriteAllTextAsync(Path.Combine(root, "plugins.json"),
                $$"""{ "plugins": [ { "id": "sandbox", "path": {{System.Text.Json.JsonSerializer.Serialize(sandbox)}}, "accounts": [ { "name": "acme", "timeZone": "Europe/Berlin" } ] } ] }""", cancellationToken);
            var settings = new Dictionary<string, string?> { ["Web:Urls"] = "http://127.0.0.1:0" };
            await using var mops = MopsWebHost.Build(new MopsHostOptions(new ClientFolder(root)) { ConsoleLevel = Serilog.Events.LogEventLevel.Fatal, Settings = settings });
            await mops.StartAsync(cancellationToken);
            var store = mops.Services.GetRequiredService<IPostStore>();
            var posts = quick ? 2_000 : 10_000;
            await SeedAsync(store, posts, cancellationToken);
            var token = (await mops.Services.GetRequiredService<AccessService>().CreateTokenAsync("bench", UserRole.Viewer, null, null, cancellationToken)).Value;

            await using var bare = await StartBareAsync(store, cancellationToken);
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200 }) { Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var apiUrl = new Uri(new Uri(mops.Urls.First()), "/api/v1/posts?limit=100");
            var bareUrl = new Uri(new Uri(bare.Urls.First()), "/posts");

            var requests = quick ? 100 : 500;
            await SequentialAsync(client, bareUrl, 20, cancellationToken);
            await SequentialAsync(client, apiUrl, 20, cancellationToken);
            // Alternating rounds, so a busy moment of the machine falls on both sides alike.
            var bareTimes = new List<double>();
            var apiTimes = new List<double>();
            for (var round = 0; round < 10; round++)
            {
                bareTimes.AddRange(await SequentialAsync(client, bareUrl, requests / 10, cancellationToken));
                apiTimes.AddRange(await SequentialAsync(client, apiUrl, requests / 10, cancellationToken));
            }

            report.Add("api", $"bare endpoint, 100 rows (median of {requests})", Percentile(bareTimes, 0.5), "ms");
            report.Add("api", $"GET /api/v1/posts?limit=100 (median of {requests})", Percentile(apiTimes, 0.5), "ms");
            report.Add("api", "median ratio api / bare (target <= 1.5)", Percentile(apiTimes, 0.5) / Percentile(bareTimes, 0.5), "x", $"{posts} posts stored, SQLite, {Measures.LoadAverage()}");

            var clients = quick ? 20 : 100;
            var duration = quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(20);

            // Unmeasured, as the sequential rounds' first requests: whichever load ran first paid for opening 100 connections,
            // growing the thread pool to them and tiering up the concurrent paths (tried: the bare endpoint run first had a
            // p99 of 664 ms and 1.76 ms CPU per request, then 255 ms and 0.80 ms when run after the API).
            var warmUp = quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
            await LoadAsync(client, bareUrl, clients, warmUp, cancellationToken);
            await LoadAsync(client, apiUrl, clients, warmUp, cancellationToken);

            var loadBefore = Measures.LoadAverage();
            var api = await MeasureLoadAsync(client, apiUrl, clients, duration, cancellationToken);
            report.Add("api", $"load: requests by {clients} clients in {duration.TotalSeconds:0} s", api.Count, "requests", $"{loadBefore} before, {Measures.LoadAverage()} after");
            report.Add("api", "load: errors (target 0)", api.Errors, "errors");
            report.Add("api", "load: p50 latency", Percentile(api.Latencies, 0.5), "ms");
            report.Add("api", "load: p99 latency (target < 50 ms)", Percentile(api.Latencies, 0.99), "ms", $"{Environment.ProcessorCount} cores, shared machine");

            // Closed-loop clients wait for each answer, so latency is clients / throughput: on a busy machine it measures
            // the share of the cores this process got. The CPU each request cost (server and load generator together) does not.
            report.Add("api", "load: CPU per request, server and clients", api.CpuPerRequest, "ms",
                $"{api.Cpu.TotalSeconds:0.0} CPU-s in {duration.TotalSeconds:0} s of {Environment.ProcessorCount} cores");

            // The same load on the bare endpoint, right after: what this machine allows 100 closed-loop clients reading
            // the same 100 rows with no API around them, the floor under the API's p99.
            var bareLoad = await MeasureLoadAsync(client, bareUrl, clients, duration, cancellationToken);
            report.Add("api", "bare under the same load: requests, errors", bareLoad.Count, "requests", $"{bareLoad.Errors} errors, {Measures.LoadAverage()} after");
            report.Add("api", "bare under the same load: p50 latency", Percentile(bareLoad.Latencies, 0.5), "ms");
            report.Add("api", "bare under the same load: p99 latency", Percentile(bareLoad.Latencies, 0.99), "ms");
            report.Add("api", "bare under the same load: CPU per request", bareLoad.CpuPerRequest, "ms");
            report.Add("api", "load: p99 ratio api / bare", Percentile(api.Latencies, 0.99) / Percentile(bareLoad.Latencies, 0.99), "x");

            // The same clients at a bounded rate: each sends 4 requests a second on its own schedule, whatever the
            // answers do, and a latency counts from when its request was due. What a client sees while the host keeps up.
            const double PerClient = 4;
            var pacedApi = await PacedLoad.RunAsync(client, apiUrl, clients, PerClient, duration, cancellationToken);
            report.Add("api", $"paced: {clients} clients x {PerClient:0} requests/s for {duration.TotalSeconds:0} s", pacedApi.Count, "requests",
                $"{pacedApi.Count / duration.TotalSeconds:0} a second, {pacedApi.Errors} errors (target 0), {Measures.LoadAverage()} after");
            report.Add("api", "paced: p50 latency", Percentile(pacedApi.Latencies, 0.5), "ms");
            report.Add("api", "paced: p99 latency (target < 50 ms)", Percentile(pacedApi.Latencies, 0.99), "ms", $"{Environment.ProcessorCount} cores, shared machine");
            var pacedBare = await PacedLoad.RunAsync(client, bareUrl, clients, PerClient, duration, cancellationToken);
            report.Add("api", "paced, bare: p99 latency", Percentile(pacedBare.Latencies, 0.99), "ms", $"p50 {Percentile(pacedBare.Latencies, 0.5):0.00} ms, {pacedBare.Errors} errors");
            report.Add("api", "paced: p99 ratio api / bare", Percentile(pacedApi.Latencies, 0.99) / Percentile(pacedBare.Latencies, 0.99), "x");
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

    private static async Task SeedAsync(IPostStore store, int count, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7(now).ToString("N");
            var due = now.AddDays(1).AddMinutes(i);
            await store.InsertAsync(new Post(id, "acme", $"Benchmark post {i}: beans, roasts and brews", due, PostState.Scheduled, "mops-" + id) { DueAt = due, CreatedAt = now, UpdatedAt = now }, "seeded by the benchmark", cancellationToken);
        }
    }

    // The baseline: the same store and query, no authentication, no paging or mapping, no extra middleware.
    private static Task<WebApplication> StartBareAsync(IPostStore store, CancellationToken cancellationToken) =>
        BareWebApp.StartAsync(app => app.MapGet("/posts", async (CancellationToken ct) => TypedResults.Ok(await store.ListAsync(new PostQuery(Limit: 100), ct))), cancellationToken);

    private static async Task<List<double>> SequentialAsync(HttpClient client, Uri url, int count, CancellationToken cancellationToken)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task<LoadRun> MeasureLoadAsync(HttpClient client, Uri url, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (count, errors, latencies) = await LoadAsync(client, url, clients, duration, cancellationToken);
        return new LoadRun(count, errors, latencies, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore);
    }

    // Bounded: a fixed number of clients, each looping until the deadline; nothing retries, nothing runs on after.
    private static async Task<(int Count, int Errors, List<double> Latencies)> LoadAsync(HttpClient client, Uri url, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var errors = 0;
        var all = new List<double>();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var mine = new List<double>();
            while (deadline.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                if (!await LoadRequest.SendAsync(client, url, cancellationToken))
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(watch.Elapsed.TotalMilliseconds);
            }

            lock (all)
            {
                all.AddRange(mine);
            }
        }).ToList();
        await Task.WhenAll(workers);
        return (all.Count, errors, all);
    }

    private static double Percentile(List<double> values, double p) => Measures.Percentile(values, p);

    private static string RepositoryRoot() => Measures.RepositoryRoot();
}
