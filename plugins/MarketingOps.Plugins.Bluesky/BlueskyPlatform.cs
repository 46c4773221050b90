using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Bluesky;

/// <summary>Bluesky over XRPC: one cached session per account, posts with facets under a record key derived from the idempotency key.</summary>
internal sealed partial class BlueskyPlatform : IPlatform, IAccountConnector, IDisposable
{
    private const string PostCollection = "app.bsky.feed.post";

    private readonly BlueskySettings _settings;
    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _http;
    private readonly Dictionary<string, BlueskyAccount> _accounts;
    private readonly ISecretStore _secrets;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor = new();
    private readonly BlueskyConnector _connector;

    public BlueskyPlatform(
        BlueskySettings settings,
        IReadOnlyList<PluginAccount> accounts,
        ISecretStore secrets,
        ILoggerFactory loggerFactory,
        TimeProvider clock,
        Func<DelegatingHandler>? observer = null,
        Func<HttpMessageHandler>? primary = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _settings = settings;
        _secrets = secrets;
        _clock = clock;
        _logger = loggerFactory.CreateLogger("MarketingOps.Plugins.Bluesky");
        _services = BlueskyHttpClients.Build(settings, observer, primary);
        _http = _services.GetRequiredService<IHttpClientFactory>();
        _accounts = accounts.ToDictionary(
            a => a.Name,
            a => new BlueskyAccount(a, a.Settings["serviceUrl"] is { Length: > 0 } own ? new Uri(own.TrimEnd('/') + "/") : settings.ServiceUrl),
            StringComparer.OrdinalIgnoreCase);
        _connector = new BlueskyConnector(_accounts, (account, method, nsid, content, bearer, token) => SendAsync(account, method, nsid, [], content, bearer, token), secrets, _redactor, clock);
    }

    public PlatformDescriptor Descriptor { get; } = BlueskyDescriptor.Create();

    public void Dispose()
    {
        foreach (var account in _accounts.Values)
        {
            account.Dispose();
        }

        _services.Dispose();
    }

    private static string? ReadString(string body, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PlatformError UnknownAccount(string account) => PlatformErrors.UnknownAccount("Bluesky", "bluesky", account);

    private PublishResult Fail(string account, PlatformError error) => PublishFailure.Logged(_logger, "Bluesky", account, error);
}
