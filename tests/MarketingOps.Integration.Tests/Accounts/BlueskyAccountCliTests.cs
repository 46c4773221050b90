using System.Globalization;
using System.Text.Json;
using MarketingOps.Host.Tests;

namespace MarketingOps.Integration.Tests.Accounts;

/// <summary>
/// A marketer's path through the real executable and the real PDS: connect a Bluesky account with an app password
/// piped on stdin, list it, schedule a post and let the host publish it with what connect stored.
/// </summary>
public sealed class BlueskyAccountCliTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "mops-accounts", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Connect_List_Schedule_Run_PublishesWithTheStoredAppPassword_AndNeverShowsIt()
    {
        var pds = await PdsAccount.CreateAsync(_http);
        WriteClientFolder(pds.Pds, handle: null);

        var before = await MopsProcess.RunAsync(_home, "accounts", "list", "--offline", "--json");
        Assert.Equal(0, before.ExitCode);
        Assert.Equal("not-connected", Accounts(before.Out)[0].GetProperty("state").GetString());

        using (var connect = MopsProcess.Start(_home, "accounts", "connect", "brand", "--handle", pds.Handle, "--json"))
        {
            connect.WriteInputAndClose(pds.AppPassword);
            Assert.Equal(0, await connect.WaitForExitAsync(TimeSpan.FromSeconds(90)));
            using var connected = JsonDocument.Parse(connect.StandardOutput);
            Assert.Equal("connected", connected.RootElement.GetProperty("state").GetString());
            Assert.Equal(pds.Handle, connected.RootElement.GetProperty("handle").GetString());
            Assert.DoesNotContain(pds.AppPassword, connect.StandardOutput + connect.StandardError, StringComparison.Ordinal);
        }

        var list = await MopsProcess.RunAsync(_home, "accounts", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        var row = Accounts(list.Out)[0];
        Assert.Equal(("brand", "bluesky", "connected", pds.Handle), (row.GetProperty("account").GetString(), row.GetProperty("platform").GetString(), row.GetProperty("state").GetString(), row.GetProperty("handle").GetString()));
        Assert.Equal("com.atproto.appPass", row.GetProperty("scopes")[0].GetString());

        var at = TimeProvider.System.GetUtcNow().AddSeconds(3).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var scheduled = await MopsProcess.RunAsync(_home, "post", "schedule", "--account", "brand", "--at", at, "--text", "Hello from a connected account", "--json");
        Assert.True(scheduled.ExitCode == 0, scheduled.Err);

        using (var host = MopsProcess.Start(_home, "run", "--no-web"))
        {
            var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
            while ((await pds.PostsAsync(_http)).Count == 0)
            {
                Assert.False(host.HasExited, host.StandardError);
                Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"nothing was published; host output:\n{host.StandardOutput}\n{host.StandardError}");
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }

            host.Interrupt();
            await host.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.DoesNotContain(pds.AppPassword, host.StandardOutput + host.StandardError, StringComparison.Ordinal);
        }

        var posts = await pds.PostsAsync(_http);
        Assert.Equal("Hello from a connected account", Assert.Single(posts).GetProperty("value").GetProperty("text").GetString());
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_home, "logs")).Append(Path.Combine(_home, "secrets", "secrets.json")))
        {
            Assert.DoesNotContain(pds.AppPassword, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PluginsCheck_ReportsMissingCredentialsOffline_AndCredentialsThePlatformRefusesOnline()
    {
        var pds = await PdsAccount.CreateAsync(_http);
        WriteClientFolder(pds.Pds, handle: null);

        var missing = await MopsProcess.RunAsync(_home, "plugins", "check");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("problem: account brand (bluesky): no credentials are stored; connect it with `mops accounts connect brand`", missing.Err, StringComparison.Ordinal);

        using (var connect = MopsProcess.Start(_home, "accounts", "connect", "brand", "--handle", pds.Handle))
        {
            connect.WriteInputAndClose(pds.AppPassword);
            Assert.Equal(0, await connect.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        }

        var offline = await MopsProcess.RunAsync(_home, "plugins", "check");
        Assert.True(offline.ExitCode == 0, offline.Err);
        Assert.Contains("1 with stored credentials (not checked with the platforms; --online checks them)", offline.Out, StringComparison.Ordinal);
        var online = await MopsProcess.RunAsync(_home, "plugins", "check", "--online", "--json");
        Assert.True(online.ExitCode == 0, online.Err);
        using (var json = JsonDocument.Parse(online.Out))
        {
            Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal("connected", json.RootElement.GetProperty("accounts")[0].GetProperty("state").GetString());
        }

        await pds.RevokeAppPasswordAsync(_http);

        var stillStored = await MopsProcess.RunAsync(_home, "plugins", "check");
        Assert.True(stillStored.ExitCode == 0, stillStored.Err);
        var refused = await MopsProcess.RunAsync(_home, "plugins", "check", "--online");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("problem: account brand (bluesky): its credentials are revoked", refused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(pds.AppPassword, missing.Err + offline.Out + online.Out + refused.Out + refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WithNothingOnStdin_OrAnUnknownAccount_FailsClearly()
    {
        var pds = await PdsAccount.CreateAsync(_http);
        WriteClientFolder(pds.Pds, pds.Handle);

        using (var empty = MopsProcess.Start(_home, "accounts", "connect", "brand"))
        {
            empty.WriteInputAndClose("");
            Assert.Equal(1, await empty.WaitForExitAsync(TimeSpan.FromSeconds(90)));
            Assert.Contains("no app password on standard input", empty.StandardError, StringComparison.Ordinal);
        }

        using (var argv = MopsProcess.Start(_home, "accounts", "connect", "brand", "--password", pds.AppPassword))
        {
            argv.WriteInputAndClose(pds.AppPassword);
            Assert.Equal(1, await argv.WaitForExitAsync(TimeSpan.FromSeconds(90)));
            Assert.Contains("passwords are not taken from the command line", argv.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(pds.AppPassword, argv.StandardError + argv.StandardOutput, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(_home, "secrets", "secrets.json")) && (await File.ReadAllTextAsync(Path.Combine(_home, "secrets", "secrets.json"), TestContext.Current.CancellationToken)).Contains("bluesky/brand/app-password", StringComparison.Ordinal));
        var unknown = await MopsProcess.RunAsync(_home, "accounts", "connect", "nobody");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no account named 'nobody' in plugins.json; configured: brand", unknown.Err, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    private static JsonElement[] Accounts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("accounts").EnumerateArray().Select(e => e.Clone())];
    }

    private void WriteClientFolder(Uri pds, string? handle)
    {
        Directory.CreateDirectory(_home);
        var account = handle is null
            ? (object)new { name = "brand", timeZone = "UTC" }
            : new { name = "brand", timeZone = "UTC", settings = new { handle } };
        var plugins = new { plugins = new[] { new { id = "bluesky", settings = new { serviceUrl = pds.ToString(), appViewUrl = "http://127.0.0.1:9/" }, accounts = new[] { account } } } };
        File.WriteAllText(Path.Combine(_home, "plugins.json"), JsonSerializer.Serialize(plugins));
        File.WriteAllText(Path.Combine(_home, "mops.json"), """{ "Publishing": { "MisfireGracePeriod": "01:00:00" }, "Scheduling": { "PollInterval": "00:00:01" } }""");
    }
}
