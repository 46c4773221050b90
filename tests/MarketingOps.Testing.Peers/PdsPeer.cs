using System.Net.Http.Json;
using System.Text.Json;

namespace MarketingOps.Testing.Peers;

/// <summary>The real Bluesky PDS: <c>MOPS_PDS_URL</c>, or one already on 127.0.0.1:2583, or started by <c>peers/pds/start.sh</c>.</summary>
public static class PdsPeer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (Uri? Url, string? Failure)? _cached;

    /// <summary>The PDS base URL, starting the peer once per test run if needed; on failure returns the reason.</summary>
    public static async Task<(Uri? Url, string? Failure)> EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _cached ??= await FindOrStartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates a fresh account on the PDS (handle <paramref name="prefix"/>… ending in .test, a random password).</summary>
    public static async Task<PdsAccount> CreateAccountAsync(HttpClient http, Uri pds, string prefix)
    {
        ArgumentNullException.ThrowIfNull(http);
        var handle = $"{prefix}{Guid.NewGuid():N}"[..16] + ".test";
        var password = "pw-" + Guid.NewGuid().ToString("N");
        using var response = await http.PostAsJsonAsync(new Uri(pds, "xrpc/com.atproto.server.createAccount"), new { handle, email = $"{handle}@example.test", password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"createAccount answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return new PdsAccount(handle, document.RootElement.GetProperty("did").GetString()!, password);
    }

    private static async Task<(Uri? Url, string? Failure)> FindOrStartAsync()
    {
        if (Environment.GetEnvironmentVariable("MOPS_PDS_URL") is { Length: > 0 } configured)
        {
            var url = new Uri(configured.TrimEnd('/') + "/");
            return await IsHealthyAsync(url) ? (url, null) : (null, $"MOPS_PDS_URL={configured} does not answer /xrpc/_health");
        }

        var local = new Uri("http://127.0.0.1:2583/");
        if (await IsHealthyAsync(local))
        {
            return (local, null);
        }

        var script = PeerPaths.Shared("pds", "start.sh");
        if (!File.Exists(script))
        {
            return (null, $"{script} not found (shared/ must sit beside the clone)");
        }

        // The first run installs Node.js 22 and the PDS (about 5 minutes).
        var (exit, output) = await ShellScript.RunAsync(script, [], TimeSpan.FromMinutes(12));
        if (exit != 0)
        {
            return (null, $"pds/start.sh exited {exit}: {(output.Length <= 2000 ? output : output[^2000..])}");
        }

        var started = new Uri(ShellScript.LastLine(output).TrimEnd('/') + "/");
        return await IsHealthyAsync(started) ? (started, null) : (null, $"pds/start.sh printed {started} but it is not healthy");
    }

    private static async Task<bool> IsHealthyAsync(Uri baseUrl)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri(baseUrl, "xrpc/_health"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
