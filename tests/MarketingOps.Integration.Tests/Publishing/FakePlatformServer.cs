using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// A social network on loopback that remembers every post it created and every publish request it got, across host
/// kills. Every publish answers after <see cref="Latency"/>, so a kill lands inside the call. Faults are decided per
/// (key, attempt) from a seed: 503 before creating, 429 with Retry-After, timeouts after creating (the answer comes
/// too late) and timeouts of requests that created nothing. A repeated key is treated as <see cref="Behaviour"/> says:
/// a second post (no idempotency), the first post while the key is remembered, or 409 for an existing record key.
/// Posts whose text contains <see cref="UnsureMarker"/> always time out and their lookups fail: they must end Unconfirmed.
/// </summary>
internal sealed class FakePlatformServer : IAsyncDisposable
{
    public const string UnsureMarker = "#unsure";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly int _seed;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _keyFirstSeen = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private int _sequence;
    private int _publishRequests;
    private int _faults;
    private int _inFlight;
    private int _pastKeyLifetime;

    public FakePlatformServer(int seed, FakeBehaviour behaviour, TimeSpan slowAnswer)
    {
        _seed = seed;
        Behaviour = behaviour;
        SlowAnswer = slowAnswer;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public FakeBehaviour Behaviour { get; }

    /// <summary>How late a "timed out" answer comes (beyond the plugin's timeout).</summary>
    public TimeSpan SlowAnswer { get; }

    /// <summary>How long every publish takes to answer, so kills land inside the call. The default value is 400 ms.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(400);

    /// <summary>How long an <see cref="FakeBehaviour.ExpiringKey"/> network remembers a key. The default value is 3 seconds.</summary>
    public TimeSpan KeyLifetime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The Retry-After of a 429, in seconds; longer than the key lifetime forces retries past it. The default value is 1.</summary>
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>Probabilities per publish request; zero turns a fault off.</summary>
    public double UnavailableRate { get; init; } = 0.10;

    public double RateLimitRate { get; init; } = 0.08;

    public double TimeoutRate { get; init; } = 0.05;

    /// <summary>The answer is late and nothing was created (the request died inside the network).</summary>
    public double LostRequestRate { get; init; } = 0.03;

    /// <summary>Every post created, by key; more than one under a key is a duplicate on the network.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<CreatedPost>> Created { get; } = new();

    public int PublishRequests => Volatile.Read(ref _publishRequests);

    public int FaultsInjected => Volatile.Read(ref _faults);

    /// <summary>Publish requests being answered right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Publish requests that arrived after their key's lifetime (an expiring-key network forgot it).</summary>
    public int RequestsPastKeyLifetime => Volatile.Read(ref _pastKeyLifetime);

    /// <summary>Keys the network created more than one post for.</summary>
    public IEnumerable<string> Duplicates => Created.Where(c => c.Value.Count > 1).Select(c => c.Key);

    /// <summary>Waits until the next publish request arrives: an event, not a sleep.</summary>
    public Task WaitForPublishAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        _arrivals.WaitAsync(patience, cancellationToken).ContinueWith(t => t.Result ? Task.CompletedTask : throw new TimeoutException("no publish request arrived"), TaskScheduler.Default).Unwrap();

    /// <summary>Forgets arrivals signalled so far, so the next wait is for a request that comes after it.</summary>
    public void ForgetArrivals()
    {
        while (_arrivals.Wait(0))
        {
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url!.AbsolutePath.Trim('/');
            if (path == "publish" && context.Request.HttpMethod == "POST")
            {
                Interlocked.Increment(ref _inFlight);
                try
                {
                    await PublishAsync(context);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
            else if (path == "lookup")
            {
                Lookup(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            try
            {
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The client gave up (timeout) or went away (killed host).
            }
        }
    }

    private async Task PublishAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _publishRequests);
        _arrivals.Release();
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream);
        var key = body.GetProperty("key").GetString()!;
        var text = body.GetProperty("text").GetString()!;
        var account = body.GetProperty("account").GetString()!;
        var attempt = body.GetProperty("attempt").GetInt32();
        var inReplyTo = body.TryGetProperty("inReplyTo", out var parent) && parent.ValueKind == JsonValueKind.String ? parent.GetString() : null;
        var now = TimeProvider.System.GetUtcNow();
        var firstSeen = _keyFirstSeen.GetOrAdd(key, now);
        if (now - firstSeen > KeyLifetime)
        {
            Interlocked.Increment(ref _pastKeyLifetime);
        }

        await Task.Delay(Latency, _stop.Token);
        if (Created.TryGetValue(key, out var existing) && existing.TryPeek(out var first))
        {
            switch (Behaviour)
            {
                case FakeBehaviour.RecordKey:
                    context.Response.StatusCode = 409;
                    return;
                case FakeBehaviour.ExpiringKey when now - firstSeen <= KeyLifetime:
                    Reply(context, 200, first);
                    return;
            }

            // No idempotency, or a key the network has forgotten: what follows creates a second post.
        }

        var unsure = text.Contains(UnsureMarker, StringComparison.Ordinal);
        var u = Unit(key, attempt);
        if (!unsure && u < UnavailableRate)
        {
            Interlocked.Increment(ref _faults);
            context.Response.StatusCode = 503;
            return;
        }

        u -= UnavailableRate;
        if (!unsure && u < RateLimitRate)
        {
            Interlocked.Increment(ref _faults);
            context.Response.StatusCode = 429;
            context.Response.Headers["Retry-After"] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return;
        }

        u -= RateLimitRate;
        if (!unsure && u < LostRequestRate)
        {
            Interlocked.Increment(ref _faults);
            await Task.Delay(SlowAnswer, _stop.Token);
            context.Response.StatusCode = 504;
            return;
        }

        u -= LostRequestRate;
        var id = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
        var post = new CreatedPost(key, id, $"{Url}{account}/{id}", text) { InReplyTo = inReplyTo, Sequence = int.Parse(id, CultureInfo.InvariantCulture) };
        Created.GetOrAdd(key, _ => new ConcurrentQueue<CreatedPost>()).Enqueue(post);
        if (unsure || u < TimeoutRate)
        {
            // Created, but the answer comes after the client's timeout: the classic ambiguous outcome.
            Interlocked.Increment(ref _faults);
            await Task.Delay(SlowAnswer, _stop.Token);
        }

        Reply(context, 200, post);
    }

    private void Lookup(HttpListenerContext context)
    {
        var key = context.Request.QueryString["key"] ?? string.Empty;
        if (Created.TryGetValue(key, out var posts) && posts.TryPeek(out var post))
        {
            if (post.Text.Contains(UnsureMarker, StringComparison.Ordinal))
            {
                context.Response.StatusCode = 500;
                return;
            }

            Reply(context, 200, post);
            return;
        }

        context.Response.StatusCode = 404;
    }

    private static void Reply(HttpListenerContext context, int status, CreatedPost post)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { id = post.Id, url = post.Url });
        // A known length sends the answer in one segment, without chunking's Nagle/delayed-ACK stall.
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
    }

    /// <summary>A stable uniform draw per (seed, key, attempt), so a run's faults can be replayed.</summary>
    private double Unit(string key, int attempt)
    {
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{_seed}:{key}:{attempt}"));
        return (BitConverter.ToUInt64(digest, 0) >> 11) / (double)(1UL << 53);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _arrivals.Dispose();
    }

    internal sealed record CreatedPost(string Key, string Id, string Url, string Text)
    {
        /// <summary>The id of the post this one replies to (the part before it in a thread).</summary>
        public string? InReplyTo { get; init; }

        /// <summary>The order the network created posts in.</summary>
        public int Sequence { get; init; }
    }
}
