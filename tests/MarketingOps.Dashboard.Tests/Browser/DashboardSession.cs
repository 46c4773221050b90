using Deque.AxeCore.Playwright;
using MarketingOps.Host.Tests;
using MarketingOps.Host.Tests.Web;
using Microsoft.Playwright;

namespace MarketingOps.Dashboard.Tests.Browser;

/// <summary>
/// One person's browser (own cookies) on the dashboard: signs in, checks each page with axe, takes screenshots, and
/// records every dialog a page opens (none ever should: what users type is shown as text).
/// </summary>
internal sealed class DashboardSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _dialogs = [];

    private DashboardSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Page.Dialog += (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            }

            _ = dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>The dialogs pages opened (alert, confirm, prompt); a page that runs a user's text as script adds one.</summary>
    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    public static async Task<DashboardSession> OpenAsync(Chromium chromium, ApiHost host, int width = 1280, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000);
        return new DashboardSession(context, await context.NewPageAsync());
    }

    /// <summary>Signs in on the sign-in page as one of <see cref="ApiHost"/>'s users and waits for the page signing in led to.</summary>
    public async Task SignInAsync(string name, string path = "/calendar")
    {
        await Page.GotoAsync(path);
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Password").FillAsync(ApiHost.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The page is awaited up to its main landmark, not a load state: on a cold browser (first test of a full run)
        // neither the load event nor DOMContentLoaded was reported within 30 s though the network had gone idle, twice.
        // Every assertion after sign-in waits for what it reads.
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/login", new() { WaitUntil = WaitUntilState.Commit });
        await Page.Locator("main").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Runs axe on the page as it is and fails on any serious or critical violation, naming the rule and the elements.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            bad.Count == 0,
            $"{Page.Url}: " + string.Join("; ", bad.Select(v => $"{v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>
    /// A full-page PNG under artifacts/screenshots; with <c>MOPS_SCREENSHOTS=docs</c> also under docs/images for the
    /// README and docs/dashboard.md.
    /// </summary>
    public async Task ScreenshotAsync(string name)
    {
        var png = await Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Write(Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "screenshots", name + ".png"), png);
        if (string.Equals(Environment.GetEnvironmentVariable("MOPS_SCREENSHOTS"), "docs", StringComparison.OrdinalIgnoreCase))
        {
            Write(Path.Combine(MopsProcess.RepositoryRoot, "docs", "images", name + ".png"), png);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
