using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Cli;

/// <summary><c>mops demo --serve</c> as a newcomer uses it: run it, open the printed link, look around, Ctrl+C.</summary>
public sealed partial class DemoServeTests : IDisposable
{
    // The demo itself runs first: a cold script worker and two simulated weeks (see DemoCommandTests).
    private static readonly TimeSpan DemoPatience = TimeSpan.FromMinutes(4);

    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Demo_serve_leaves_the_dashboard_up_with_the_demos_data_behind_a_link_that_signs_in_once_and_stops_on_ctrl_c()
    {
        _home.WriteSandboxPluginsJson();
        var port = FreePort();
        using var mops = MopsProcess.Start(_home.Root, "demo", "--serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await mops.WaitForOutputAsync("Press Ctrl+C to stop.", DemoPatience);

        var output = mops.StandardOutput;
        var link = SignInLink().Match(output);
        Assert.True(link.Success, output);
        var root = new Uri(link.Groups["root"].Value);
        Assert.Equal(port, root.Port);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(root.Host)), root.ToString());
        var calendar = Printed().Match(output, link.Index);
        Assert.Contains(": benefit wins;", output, StringComparison.Ordinal); // the demo ran first, and decided

        using var browser = Client(root);
        var landing = await browser.GetAsync(link.Groups["link"].Value, TestContext.Current.CancellationToken);
        var form = await landing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Contains("works once", output, StringComparison.Ordinal);

        // Looking at the link did not use it up; pressing its button does, and leads to the demo's month.
        var signedIn = await PostFormAsync(browser, link.Groups["link"].Value, form);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal("/calendar?view=month&date=2026-03-02", signedIn.Headers.Location?.OriginalString.Replace(root.GetLeftPart(UriPartial.Authority), "", StringComparison.Ordinal));

        var month = await browser.GetStringAsync(signedIn.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Contains("March 2026", month, StringComparison.Ordinal);
        Assert.Equal(7, PostEntry().Count(month)); // three posts per wording, then the winner once more
        Assert.Contains("Published", month, StringComparison.Ordinal);

        var report = ReportUrl().Match(output);
        Assert.True(report.Success, output);
        var experiment = await browser.GetStringAsync(report.Groups["url"].Value, TestContext.Current.CancellationToken);
        Assert.Contains("Decision: benefit wins", experiment, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", experiment, StringComparison.Ordinal);

        var inbox = await browser.GetStringAsync("/inbox", TestContext.Current.CancellationToken);
        Assert.Contains("Thank you for every question about the spring launch this week.", inbox, StringComparison.Ordinal);

        // The link worked once: a second person (or the same one again) is refused, and gets no session.
        using var stranger = Client(root);
        var again = await stranger.GetAsync(link.Groups["link"].Value, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var replay = await PostFormAsync(stranger, link.Groups["link"].Value, form);
        Assert.NotEqual(HttpStatusCode.Found, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/calendar", TestContext.Current.CancellationToken)).StatusCode); // to /login
        Assert.True(calendar.Success, output);

        mops.Interrupt();
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, mops.StandardError + mops.StandardOutput);
        Assert.Contains("mops stopped", mops.StandardOutput, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Client(root).GetAsync("/healthz", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("--port", "0", "--serve", "--port: 0 is not a port")]
    [InlineData("--port", "5080", null, "--port: only with --serve.")]
    public async Task Demo_refuses_a_port_it_cannot_use_before_running(string option, string value, string? serve, string expected)
    {
        string[] args = serve is null ? ["demo", option, value] : ["demo", serve, option, value];

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, args);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error + output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "data")));
    }

    private static HttpClient Client(Uri root) =>
        new(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = root, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Presses the page's one button as a browser would: the form's hidden fields (handler, antiforgery) posted back.</summary>
    private static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string page)
    {
        var fields = HiddenField().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        return client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"with this link, which works once within the hour: (?<link>(?<root>http://127\.0\.0\.1:\d+)/login/once/[A-Za-z0-9_-]{43})$", RegexOptions.Multiline)]
    private static partial Regex SignInLink();

    [GeneratedRegex(@"^  calendar: http://127\.0\.0\.1:\d+/calendar\?view=month&date=2026-03-02$", RegexOptions.Multiline)]
    private static partial Regex Printed();

    [GeneratedRegex(@"^  report: +(?<url>http://127\.0\.0\.1:\d+/experiments/[0-9a-f]{32})$", RegexOptions.Multiline)]
    private static partial Regex ReportUrl();

    [GeneratedRegex(@"<a class=""entry[^""]*""[^>]* data-post-id=""")]
    private static partial Regex PostEntry();

    [GeneratedRegex(@"<input type=""hidden"" name=""(?<name>[^""]+)"" value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenField();
}
