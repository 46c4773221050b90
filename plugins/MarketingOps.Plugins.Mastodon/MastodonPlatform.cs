using System.Collections.Concurrent;
using MarketingOps.Plugins.Shared;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.Mastodon;

/// <summary>Mastodon's REST API: idempotent publishes (Idempotency-Key), per-instance length limits, counters and deletes.</summary>
internal sealed partial class MastodonPlatform : IPlatform, IAccountConnector, IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _http;
    private readonly Dictionary<string, MastodonAccount> _accounts;
    private readonly ConcurrentDictionary<Uri, MastodonInstance> _instances = new();
    private readonly ISecretStore _secrets;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor = new();
    private readonly MastodonConnector _connector;

    public MastodonPlatform(
        MastodonSettings settings,
        IReadOnlyList<PluginAccount> accounts,
        ISecretStore secrets,
        ILoggerFactory loggerFactory,
        TimeProvider clock,
        Func<DelegatingHandler>? observer = null,
        Func<HttpMessageHandler>? primary = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _secrets = secrets;
        _clock = clock;
        _logger = loggerFactory.CreateLogger("MarketingOps.Plugins.Mastodon");
        _services = MastodonHttpClients.Build(settings, observer, primary);
        _http = _services.GetRequiredService<IHttpClientFactory>();
        _accounts = accounts.ToDictionary(a => a.Name, a => new MastodonAccount(a), StringComparer.OrdinalIgnoreCase);
        _connector = new MastodonConnector(settings, _accounts, SendAsync, () => _http.CreateClient(MastodonHttpClients.Name), secrets, _redactor, clock);
    }

    public PlatformDescriptor Descriptor { get; } = MastodonDescriptor.Create();

    public void Dispose() => _services.Dispose();

    private static PlatformError UnknownAccount(string account) => PlatformErrors.UnknownAccount("Mastodon", "mastodon", account);

    private PublishResult Fail(string account, PlatformError error) => PublishFailure.Logged(_logger, "Mastodon", account, error);
}
