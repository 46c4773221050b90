namespace MarketingOps.Testing.Peers;

/// <summary>Stoplight Prism as a validating proxy (<c>peers/prism/start.sh SPEC PORT UPSTREAM</c>) in front of a fake server.</summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private PrismProxy(int port, Uri baseUrl)
    {
        Port = port;
        BaseUrl = baseUrl;
    }

    /// <summary>The port Prism listens on.</summary>
    public int Port { get; }

    /// <summary>Prism's base URL, with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts Prism for <paramref name="spec"/> in front of <paramref name="upstream"/>; on failure returns the reason.</summary>
    public static async Task<(PrismProxy? Proxy, string? Failure)> StartAsync(string spec, Uri upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var script = PeerPaths.Shared("prism", "start.sh");
        if (!File.Exists(script))
        {
            return (null, $"{script} not found (shared/ must sit beside the clone)");
        }

        if (!File.Exists(spec))
        {
            return (null, $"OpenAPI document {spec} not found");
        }

        // Test assemblies run in parallel: one start at a time, so two first runs never race npm ci into one folder.
        using var startLock = await AcquireStartLockAsync();
        var port = FreePort.Next();
        var (exit, output) = await ShellScript.RunAsync(script, [spec, port.ToString(System.Globalization.CultureInfo.InvariantCulture), upstream.ToString().TrimEnd('/')], TimeSpan.FromMinutes(8));
        if (exit != 0)
        {
            return (null, $"prism/start.sh exited {exit}: {Tail(output)}");
        }

        return (new PrismProxy(port, new Uri(ShellScript.LastLine(output).TrimEnd('/') + "/")), null);
    }

    public async ValueTask DisposeAsync()
    {
        await ShellScript.RunAsync(PeerPaths.Shared("prism", "stop.sh"), [Port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(30));
    }

    private static async Task<FileStream> AcquireStartLockAsync()
    {
        var folder = Environment.GetEnvironmentVariable("MOPS_PEERS_DIR") is { Length: > 0 } configured ? configured : "/tmp/mops-peers";
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "prism-start.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(10))
            {
                await Task.Delay(500);
            }
        }
    }

    private static string Tail(string output) => output.Length <= 2000 ? output : output[^2000..];
}
