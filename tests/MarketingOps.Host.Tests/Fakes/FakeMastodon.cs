using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Host.Tests.Fakes;

/// <summary>
/// A Mastodon instance on loopback speaking the REST API's shapes, for faults the real thing will not show on demand:
/// a fixed status id for every status (as a mock server answering its example does), a chosen length limit, an
/// unreadable instance document, a wrong token. It records every status and media upload it is sent.
/// </summary>
internal sealed class FakeMastodon : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _sequence;
    private int _instanceReads;

    private FakeMastodon(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The instance's base URL, with a trailing slash.</summary>
    public string Url => _app.Urls.First().TrimEnd('/') + "/";

    /// <summary>The bearer token the instance accepts.</summary>
    public const string Token = "fake-mastodon-token-6d1f";

    /// <summary>The username of the token's account.</summary>
    public const string Username = "acme";

    /// <summary>When set, every status gets this id. The default value is none (1, 2, 3, …).</summary>
    public string? FixedStatusId { get; set; }

    /// <summary><c>configuration.statuses.max_characters</c>; null makes <c>/api/v2/instance</c> answer 503. The default value is 500.</summary>
    public int? MaxCharacters { get; set; } = 500;

    /// <summary>Every status body received, in order.</summary>
    public ConcurrentQueue<JsonObject> Statuses { get; } = new();

    /// <summary>Every media upload received: its file name, size and description.</summary>
    public ConcurrentQueue<(string FileName, long Length, string? Description)> Media { get; } = new();

    /// <summary>How many times the instance document was asked for.</summary>
    public int InstanceReads => Volatile.Read(ref _instanceReads);

    public static async Task<FakeMastodon> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeMastodon(builder.Build());
        fake.Map();
        await fake._app.StartAsync();
        return fake;
    }

    private void Map()
    {
        var app = _app;
        app.MapGet("/api/v2/instance", () =>
        {
            Interlocked.Increment(ref _instanceReads);
            return MaxCharacters is { } max
                ? Results.Json(new { domain = "127.0.0.1", configuration = new { statuses = new { max_characters = max, max_media_attachments = 4, characters_reserved_per_url = 23 } } })
                : Results.Json(new { error = "unavailable" }, statusCode: 503);
        });
        app.MapGet("/api/v1/accounts/verify_credentials", (HttpContext context) =>
            Authorized(context) ? Results.Json(new { id = "1", username = Username, acct = Username, url = Url + "@" + Username }) : Unauthorized());
        app.MapGet("/api/v1/accounts/{id}/statuses", (HttpContext context) => Authorized(context) ? Results.Json(Array.Empty<object>()) : Unauthorized());
        app.MapPost("/api/v2/media", async (HttpContext context) =>
        {
            if (!Authorized(context))
            {
                return Unauthorized();
            }

            var form = await context.Request.ReadFormAsync();
            var file = form.Files["file"];
            Media.Enqueue((file?.FileName ?? "", file?.Length ?? 0, form["description"].FirstOrDefault()));
            return Results.Json(new { id = "m" + Interlocked.Increment(ref _sequence), type = "image" });
        });
        app.MapPost("/api/v1/statuses", async (HttpContext context) =>
        {
            if (!Authorized(context))
            {
                return Unauthorized();
            }

            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var self = this;
            self.Statuses.Enqueue(body);
            var id = self.FixedStatusId ?? Interlocked.Increment(ref self._sequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new
            {
                id,
                url = $"{self.Url}@{Username}/{id}",
                created_at = TimeProvider.System.GetUtcNow(),
                content = "<p>" + System.Net.WebUtility.HtmlEncode(body["status"]?.GetValue<string>() ?? "") + "</p>",
            });
        });
    }

    private static bool Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == "Bearer " + Token;

    private static IResult Unauthorized() => Results.Json(new { error = "The access token is invalid" }, statusCode: 401);

    /// <summary>Makes <paramref name="home"/> a client folder with account <c>acme</c> on this instance and its token stored, as a user would with <c>mops secrets set</c>.</summary>
    public async Task WriteClientFolderAsync(TempFolder home)
    {
        ArgumentNullException.ThrowIfNull(home);
        home.Write("plugins.json", PluginsJson());
        var (exit, _, error) = await MopsProcess.RunWithInputAsync(home.Root, Token + "\n", "secrets", "set", "mastodon/acme/access-token");
        Assert.True(exit == 0, error);
    }

    /// <summary>A plugins.json entry for the Mastodon plugin with one account, <c>acme</c>, on this instance.</summary>
    public string PluginsJson(string timeZone = "Europe/Berlin") => $$"""{ "plugins": [ {{PluginEntryJson("acme", timeZone)}} ] }""";

    /// <summary>The Mastodon plugin's entry of plugins.json, with one account on this instance.</summary>
    public string PluginEntryJson(string account, string timeZone = "Europe/Berlin")
    {
        var plugin = Path.Combine(MopsProcess.RepositoryRoot, "artifacts", "plugins", "MarketingOps.Plugins.Mastodon");
        return $$"""{ "id": "mastodon", "path": {{JsonSerializer.Serialize(plugin)}}, "settings": { "requestTimeoutSeconds": 10, "retries": 0 }, "accounts": [ { "name": "{{account}}", "timeZone": "{{timeZone}}", "settings": { "instanceUrl": "{{Url}}" } } ] }""";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
