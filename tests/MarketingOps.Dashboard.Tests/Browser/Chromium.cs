using MarketingOps.Testing.Peers;
using Microsoft.Playwright;

namespace MarketingOps.Dashboard.Tests.Browser;

/// <summary>
/// Debian's chromium driven by Playwright, launched once for the test assembly. Playwright is pointed at the
/// executable (browser downloads are not reachable); without one the tests skip with the reason, or fail in CI.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    /// <summary>Where the browser is looked for: <c>MOPS_CHROMIUM</c>, else Debian's paths.</summary>
    public static string? FindExecutable() =>
        new[] { Environment.GetEnvironmentVariable("MOPS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));

    /// <summary>The running browser; skips (or in CI fails) the calling test when there is none.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is null)
            {
                var reason = $"no browser for the dashboard tests: {_unavailable} (install Debian's chromium: apt-get install -y chromium)";
                if (PeerUnavailable.InCi)
                {
                    Assert.Fail($"Browser unavailable in CI (CI is set, so this fails instead of skipping): {reason}");
                }

                Assert.Skip($"Browser unavailable, test skipped: {reason}");
            }

            return _browser;
        }
    }

    public async ValueTask InitializeAsync()
    {
        var executable = FindExecutable();
        if (executable is null)
        {
            _unavailable = "neither MOPS_CHROMIUM nor /usr/bin/chromium names an executable";
            return;
        }

        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                // Containers and CI run as root, where chromium's own sandbox cannot start.
                ChromiumSandbox = false,
                Args = ["--disable-dev-shm-usage"],
            });
        }
        catch (PlaywrightException ex)
        {
            _unavailable = $"{executable} did not start: {ex.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
