using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using MarketingOps.Core.Accounts;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Benchmarks.Publishing;

/// <summary>
/// A recording fake network on loopback (HttpListener) and the platform that publishes to it over HTTP, standing
/// in for a plugin; also the registry holding the benchmark's accounts.
/// </summary>
internal sealed class LoopbackPlatform : IPlatform, IPlatformRegistry, IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _http;
    private readonly Task _loop;
    private int _sequence;

    public LoopbackPlatform(int accounts)
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Accounts = Enumerable.Range(0, accounts).Select(i => new ClientAccount($"account{i}", "loopback", TimeZoneInfo.Utc)).ToList();
    }

    /// <summary>When the network received each post, by idempotency key.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Received { get; } = new();

    public PlatformDescriptor Descriptor { get; } = new("loopback", "Loopback network", PlatformCapabilities.Idempotency, new PlatformLimits());

    public IReadOnlyList<ClientAccount> Accounts { get; }

    public IReadOnlyList<IPlatform> Platforms => [this];

    public ClientAccount? FindAccount(string name) => Accounts.FirstOrDefault(a => a.Name == name);

    public IPlatform? FindPlatform(string platformId) => platformId == "loopback" ? this : null;

    public DraftValidation Validate(PostDraft draft) => new(draft.Text.Length, 500, []);

    public async Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("publish", new { key = request.IdempotencyKey }, cancellationToken);
        var id = await response.Content.ReadFromJsonAsync<string>(cancellationToken);
        return PublishResult.Published(new PublishedPost(id!, null, TimeProvider.System.GetUtcNow()));
    }

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => Task.FromResult(LookupResult.NotFound);

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PostMetrics>>([]);

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => Task.FromResult(DeleteResult.Deleted);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _http.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream);
            Received.TryAdd(body.GetProperty("key").GetString()!, TimeProvider.System.GetUtcNow());
            var bytes = JsonSerializer.SerializeToUtf8Bytes(Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));
            context.Response.ContentType = "application/json";
            // A known length lets the answer go out in one segment (no chunking, no Nagle/delayed-ACK stall).
            context.Response.ContentLength64 = bytes.Length;
            context.Response.Close(bytes, willBlock: false);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
