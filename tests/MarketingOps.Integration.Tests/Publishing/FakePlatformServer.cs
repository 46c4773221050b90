using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace MarketingOps.Integration.Tests.Publishing;

/// <summary>
/// A social network on loopback that remembers every post it created and every publish request it got, across
/// host kills. Faults are decided per (key, attempt) from a seed: 503 before creating, 429 with Retry-After,
/// timeouts after creating (the answer comes too late) and timeouts of requests that created nothing. Posts whose text contains <see cref="UnsureMarker"/> always
/// time out and their lookups fail, so the host cannot know: they must end Unconfirmed.
/// </summary>
internal sealed class FakePlatformServer : IAsyncDisposable
{
    public const string UnsureMarker = "#unsure";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly int _seed;
    private int _sequence;

    public FakePlatformServer(int seed, TimeSpan slowAnswer)
    {
        _seed = seed;
        SlowAnswer = slowAnswer;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public TimeSpan SlowAnswer { get; }

    /// <summary>Probabilities per publish request; zero turns a fault off.</summary>
    public double UnavailableRate { get; init; } = 0.10;

    public double RateLimitRate { get; init; } = 0.08;

    public double TimeoutRate { get; init; } = 0.05;

    /// <summary>The answer is late and nothing was created (the request died inside the network).</summary>
    public double LostRequestRate { get; init; } = 0.03;

    /// <summary>Created posts by idempotency key: each key is created at most once (the platform is idempotent).</summary>
    public ConcurrentDictionary<string, CreatedPost> Created { get; } = new();

    /// <summary>Publish requests that arrived for a key already created: a host that retried blind.</summary>
    public ConcurrentQueue<string> RepeatedPublishes { get; } = new();

    public int PublishRequests => Volatile.Read(ref _publishRequests);

    public int FaultsInjected => Volatile.Read(ref _faults);

    private int _publishRequests;
    private int _faults;

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
                await PublishAsync(context);
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
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.InputStream);
        var key = body.GetProperty("key").GetString()!;
        var text = body.GetProperty("text").GetString()!;
        var account = body.GetProperty("account").GetString()!;
        var attempt = body.GetProperty("attempt").GetInt32();
        if (Created.TryGetValue(key, out var existing))
        {
            RepeatedPublishes.Enqueue(key);
            Reply(context, 200, existing);
            return;
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
            context.Response.Headers["Retry-After"] = "1";
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
        var post = Created.GetOrAdd(key, k =>
        {
            var id = Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture);
            return new CreatedPost(k, id, $"{Url}{account}/{id}", text);
        });
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
        if (Created.TryGetValue(key, out var post))
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
    }

    internal sealed record CreatedPost(string Key, string Id, string Url, string Text);
}
