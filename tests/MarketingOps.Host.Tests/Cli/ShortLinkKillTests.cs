using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>A click is stored before its redirect is sent: killing <c>mops run</c> under clicks loses none that got a 302.</summary>
public sealed partial class ShortLinkKillTests
{
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

        using var run = MopsProcess.Start(folder.Root, "run");
        await run.WaitForOutputAsync("press Ctrl+C to stop", Patience);
        var port = Listening().Match(run.StandardOutput + run.StandardError).Groups["port"].Value;
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");

        // Four readers click until the host dies; the first to see 60 redirects kills it mid-stream.
        long attempts = 0, redirects = 0, failures = 0;
        var killed = 0;
        async Task ClickAsync()
        {
            for (var i = 0; i < 5_000; i++)
            {
                Interlocked.Increment(ref attempts);
                try
                {
                    using var response = await client.GetAsync("/l/" + code, Ct);
                    Assert.Equal(HttpStatusCode.Found, response.StatusCode);
                    if (Interlocked.Increment(ref redirects) >= 60 && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        run.Kill();
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                    return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ClickAsync, Ct)));
        await run.WaitForExitAsync(Patience);

        // The chaos happened: the host was killed while clicks were still coming.
        Assert.Equal(1, killed);
        Assert.True(run.HasExited);
        Assert.True(failures >= 1, "no click failed: the host was not killed under load");

        var (showExit, shown, showErr) = await MopsProcess.RunAsync(folder.Root, "links", "show", code, "--json");
        Assert.True(showExit == 0, showErr);
        var clicks = JsonDocument.Parse(shown).RootElement.GetProperty("link").GetProperty("clicks").GetInt64();
        Assert.True(clicks >= redirects, $"{redirects} redirects were sent but only {clicks} clicks are stored");
        Assert.True(clicks <= attempts, $"{clicks} clicks stored for {attempts} requests");
    }

    private static async Task<string> CodeOfAsync(string root, string postId)
    {
        var (exit, json, err) = await MopsProcess.RunAsync(root, "links", "list", "--post", postId, "--json");
        Assert.True(exit == 0, err);
        return JsonDocument.Parse(json).RootElement[0].GetProperty("code").GetString()!;
    }
}
