using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Host.Commands.Accounts;

/// <summary>
/// The CLI's end of a browser sign-in (RFC 8252 §7.3, as <c>gh auth login</c> does): a one-request server on
/// 127.0.0.1 that receives the platform's redirect, lets the caller finish the exchange, and shows the outcome in the browser.
/// </summary>
internal sealed class LoopbackRedirect : IAsyncDisposable
{
    private const string CallbackPath = "/callback";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource<IReadOnlyDictionary<string, string?>> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<(bool Connected, string Message)> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _taken;

    private LoopbackRedirect(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Where the platform sends the browser back.</summary>
    public Uri RedirectUri { get; private set; } = null!;

    public static async Task<LoopbackRedirect> StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var redirect = new LoopbackRedirect(app);
        app.MapGet(CallbackPath, redirect.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new Hosting.UserFacingException($"cannot listen on 127.0.0.1:{port} for the sign-in's redirect ({e.Message}); choose another --port");
        }

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        redirect.RedirectUri = new Uri($"http://127.0.0.1:{bound.Port}{CallbackPath}");
        return redirect;
    }

    /// <summary>The redirect's query string, once the browser arrives; a <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _received.Task.WaitAsync(timeout, cancellationToken);

    /// <summary>Tells the waiting browser how the sign-in ended.</summary>
    public void Finish(bool connected, string message) => _outcome.TrySetResult((connected, message));

    public async ValueTask DisposeAsync()
    {
        Finish(false, "The sign-in was abandoned.");
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // One redirect per sign-in: a second request (a reload, a forger) gets nothing.
        if (Interlocked.Exchange(ref _taken, 1) == 1)
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            await context.Response.WriteAsync("This sign-in has already been used.");
            return;
        }

        _received.TrySetResult(context.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal));
        var (connected, message) = await _outcome.Task.WaitAsync(TimeSpan.FromMinutes(2));
        context.Response.StatusCode = connected ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>mops</title></head><body><p>{WebUtility.HtmlEncode(message)}</p><p>You can close this tab and return to the terminal.</p></body></html>");
    }
}
