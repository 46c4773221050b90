using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// A click is committed before its redirect is sent (issue 16): <c>mops run</c> killed (SIGKILL) again and again while
/// clients click, and restarted on the same folder, loses none that got a 302.
/// </summary>
public sealed partial class ShortLinkKillTests
{
    private const int Kills = 10;
    private const int Clients = 32;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [GeneratedRegex(@"http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Listening();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillingTheHostUnderClicks_LosesNoClickWhoseRedirectWasSent()
    {
        using var folder = new TempFolder();
        folder.WriteSandboxPluginsJson("""{ "maxLength": 5000 }""", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
        folder.Write("mops.json", """{ "Links": { "Tag": true, "ShortBaseUrl": "https://go.acme.example" } }""");
        var codes = await ScheduleLinksAsync(folder.Root);
        await PublishAsync(folder.Root);

        var total = new Tally();
        for (var kill = 0; kill < Kills; kill++)
        {
            // Each host after the first starts on the folder the one before left when it was killed.
            using var run = MopsProcess.Start(folder.Root, "run");
            await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
            var port = Listening().Match(run.StandardOutput + run.StandardError).Groups["port"].Value;
            var tally = await ClickUntilKilledAsync(run, new Uri($"http://127.0.0.1:{port}/l/"), codes);
            await run.WaitForExitAsync(Patience);

            // The chaos happened: requests were under way when the host died, and they got no redirect.
            Assert.True(run.HasExited);
            Assert.True(tally.InFlightAtKill >= 1, $"kill {kill + 1}: no request was in flight when the host was killed");
            Assert.True(tally.Failures >= 1, $"kill {kill + 1}: no request failed: the host was not killed under load");
            total.Add(tally);
        }

        var clicks = await ClicksAsync(folder.Root);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Kills} kills: {total.Attempts.Sum()} requests, {total.Redirects.Sum()} redirects received, {clicks.Values.Sum()} clicks stored, {total.InFlightAtKill} requests in flight at the kills");

        // Client by client, each on a link of its own: one client has at most one request in flight at a kill, so a
        // click stored without its redirect (the host died after the commit) cannot hide another's lost click.
        for (var c = 0; c < Clients; c++)
        {
            Assert.True(clicks[codes[c]] >= total.Redirects[c], $"client {c}: {total.Redirects[c]} redirects were received but only {clicks[codes[c]]} clicks are stored");
            Assert.True(clicks[codes[c]] <= total.Attempts[c], $"client {c}: {clicks[codes[c]]} clicks stored for {total.Attempts[c]} requests");
        }
    }

    // Clients click until the host dies; the first to see 60 redirects kills it at once, in the middle of the others' requests.
    private static async Task<Tally> ClickUntilKilledAsync(MopsProcess run, Uri links, IReadOnlyList<string> codes)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
        var tally = new Tally();
        long inFlight = 0, redirects = 0;
        var killed = 0;
        async Task ClickAsync(int c)
        {
            var link = new Uri(links, codes[c]);
            while (true)
            {
                Interlocked.Increment(ref tally.Attempts[c]);
                Interlocked.Increment(ref inFlight);
                try
                {
                    using var response = await client.GetAsync(link, Ct);
                    Assert.Equal(HttpStatusCode.Found, response.StatusCode);
                    Interlocked.Increment(ref tally.Redirects[c]);
                    if (Interlocked.Increment(ref redirects) >= 60 && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        // This request is done; every other one counted is under way.
                        tally.InFlightAtKill = Interlocked.Read(ref inFlight) - 1;

                        // mops alone, at once (no walk of its process tree first): it starts no child for short links.
                        run.KillAlone();
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref tally.Failures);
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClickAsync(c), Ct)));
        Assert.Equal(1, killed);
        return tally;
    }

    // One post with a link per client, due now.
    private static async Task<IReadOnlyList<string>> ScheduleLinksAsync(string root)
    {
        var at = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var text = "Spring sale " + string.Join(" ", Enumerable.Range(0, Clients).Select(c => $"https://shop.example/spring/{c}"));
        var (exit, id, err) = await MopsProcess.RunAsync(root, "post", "schedule", "--account", "acme", "--at", at, "--text", text);
        Assert.True(exit == 0, err);
        Assert.Contains("it will publish: Spring sale https://go.acme.example/l/", err, StringComparison.Ordinal);
        var (listExit, json, listErr) = await MopsProcess.RunAsync(root, "links", "list", "--post", id.Trim(), "--json");
        Assert.True(listExit == 0, listErr);
        var codes = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(l => l.GetProperty("code").GetString()!).Distinct(StringComparer.Ordinal).ToList();
        Assert.Equal(Clients, codes.Count);
        return codes;
    }

    // A link answers only once its post is published: a first host publishes it and is stopped with Ctrl+C.
    private static async Task PublishAsync(string root)
    {
        using var run = MopsProcess.Start(root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            var (exit, json, err) = await MopsProcess.RunAsync(root, "post", "list", "--json");
            Assert.True(exit == 0, err);
            var state = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray()).GetProperty("state").GetString();
            if (state == "Published")
            {
                break;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"the post is still {state}");
        }

        run.Interrupt();
        Assert.Equal(0, await run.WaitForExitAsync(Patience));
    }

    // Read by a new mops process from what the killed hosts left.
    private static async Task<Dictionary<string, long>> ClicksAsync(string root)
    {
        var (exit, json, err) = await MopsProcess.RunAsync(root, "links", "list", "--json");
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(l => l.GetProperty("code").GetString()!, l => l.GetProperty("clicks").GetInt64(), StringComparer.Ordinal);
    }

    private sealed class Tally
    {
        public long[] Attempts { get; } = new long[Clients];

        public long[] Redirects { get; } = new long[Clients];

        public long Failures;
        public long InFlightAtKill;

        public void Add(Tally other)
        {
            for (var c = 0; c < Clients; c++)
            {
                Attempts[c] += other.Attempts[c];
                Redirects[c] += other.Redirects[c];
            }

            Failures += other.Failures;
            InFlightAtKill += other.InFlightAtKill;
        }
    }
}
