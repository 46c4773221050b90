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
    private const int Kills = 3;
    private const int Clients = 8;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [GeneratedRegex(@"http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Listening();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KillingTheHostUnderClicks_LosesNoClickWhoseRedirectWasSent()
    {
        using var folder = new TempFolder();
        folder.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
        folder.Write("mops.json", """{ "Links": { "Tag": true, "ShortBaseUrl": "https://go.acme.example" } }""");
        var at = TimeProvider.System.GetUtcNow().AddDays(2).ToString("O", CultureInfo.InvariantCulture);
        var (exit, id, err) = await MopsProcess.RunAsync(folder.Root, "post", "schedule", "--account", "acme", "--at", at, "--text", "Spring sale https://shop.example/spring");
        Assert.True(exit == 0, err);
        Assert.Contains("it will publish: Spring sale https://go.acme.example/l/", err, StringComparison.Ordinal);
        var code = await CodeOfAsync(folder.Root, id.Trim());

        var total = new Tally();
        for (var kill = 0; kill < Kills; kill++)
        {
            // Each host after the first starts on the folder the one before left when it was killed.
            using var run = MopsProcess.Start(folder.Root, "run");
            await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
            var port = Listening().Match(run.StandardOutput + run.StandardError).Groups["port"].Value;
            var tally = await ClickUntilKilledAsync(run, new Uri($"http://127.0.0.1:{port}/l/{code}"));
            await run.WaitForExitAsync(Patience);

            // The chaos happened: requests were under way when the host died, and they got no redirect.
            Assert.True(run.HasExited);
            Assert.True(tally.InFlightAtKill >= 1, $"kill {kill + 1}: no request was in flight when the host was killed");
            Assert.True(tally.Failures >= 1, $"kill {kill + 1}: no request failed: the host was not killed under load");
            total.Add(tally);
        }

        var (showExit, shown, showErr) = await MopsProcess.RunAsync(folder.Root, "links", "show", code, "--json");
        Assert.True(showExit == 0, showErr);
        var clicks = JsonDocument.Parse(shown).RootElement.GetProperty("link").GetProperty("clicks").GetInt64();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Kills} kills: {total.Attempts} requests, {total.Redirects} redirects received, {clicks} clicks stored, {total.InFlightAtKill} requests in flight at the kills");
        Assert.True(clicks >= total.Redirects, $"{total.Redirects} redirects were received but only {clicks} clicks are stored");
        Assert.True(clicks <= total.Attempts, $"{clicks} clicks stored for {total.Attempts} requests");
    }

    // Clients click until the host dies; the first to see 60 redirects kills it at once, in the middle of the others' requests.
    private static async Task<Tally> ClickUntilKilledAsync(MopsProcess run, Uri link)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
        var tally = new Tally();
        long inFlight = 0;
        var killed = 0;
        async Task ClickAsync()
        {
            while (true)
            {
                Interlocked.Increment(ref tally.Attempts);
                Interlocked.Increment(ref inFlight);
                try
                {
                    using var response = await client.GetAsync(link, Ct);
                    Assert.Equal(HttpStatusCode.Found, response.StatusCode);
                    if (Interlocked.Increment(ref tally.Redirects) >= 60 && Interlocked.Exchange(ref killed, 1) == 0)
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

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(ClickAsync, Ct)));
        Assert.Equal(1, killed);
        return tally;
    }

    private static async Task<string> CodeOfAsync(string root, string postId)
    {
        var (exit, json, err) = await MopsProcess.RunAsync(root, "links", "list", "--post", postId, "--json");
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(json).RootElement[0].GetProperty("code").GetString()!;
    }

    private sealed class Tally
    {
        public long Attempts;
        public long Redirects;
        public long Failures;
        public long InFlightAtKill;

        public void Add(Tally other)
        {
            Attempts += other.Attempts;
            Redirects += other.Redirects;
            Failures += other.Failures;
            InFlightAtKill += other.InFlightAtKill;
        }
    }
}
