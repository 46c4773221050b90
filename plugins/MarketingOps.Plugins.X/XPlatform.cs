using System.Text.Json;
using MarketingOps.Plugins.Shared;
using MarketingOps.Plugins.X.Auth;
using MarketingOps.Plugins.X.Text;
using MarketingOps.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Plugins.X;

/// <summary>X API v2: publish, reconcile, metrics and delete for the client's X accounts.</summary>
internal sealed partial class XPlatform : IPlatform, IAccountConnector, IDisposable
{
    private readonly XSettings _settings;
    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _http;
    private readonly Dictionary<string, XAccount> _accounts;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly SecretRedactor _redactor = new();
    private readonly XConnector _connector;

    public XPlatform(
        XSettings settings,
        IReadOnlyList<PluginAccount> accounts,
        ISecretStore secrets,
        ILoggerFactory loggerFactory,
        TimeProvider clock,
        Func<DelegatingHandler>? observer = null,
        Func<HttpMessageHandler>? primary = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _settings = settings;
        _clock = clock;
        _logger = loggerFactory.CreateLogger("MarketingOps.Plugins.X");
        _services = XHttpClients.Build(settings, observer, primary);
        _http = _services.GetRequiredService<IHttpClientFactory>();
        _accounts = accounts.ToDictionary(
            a => a.Name,
            a => new XAccount(a, new XAccountAuth(a, secrets, _redactor, clock)),
            StringComparer.OrdinalIgnoreCase);
        _connector = new XConnector(
            settings, _accounts, (account, token) => SendAsync(account, HttpMethod.Get, "2/users/me", [], null, isWrite: false, token), () => _http.CreateClient(XHttpClients.Writes), secrets, _redactor, clock);
        TwitterTextParser.WarmUp();
    }

    public PlatformDescriptor Descriptor { get; } = XDescriptor.Create();

    public void Dispose()
    {
        foreach (var account in _accounts.Values)
        {
            account.Auth.Dispose();
        }

        _services.Dispose();
    }

    private static string? ReadString(string body, string property, string inner)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty(property, out var outer) && outer.ValueKind == JsonValueKind.Object
                && outer.TryGetProperty(inner, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static PlatformError UnknownAccount(string account) => PlatformErrors.UnknownAccount("X", "x", account);

    private PublishResult Fail(string account, PlatformError error) => PublishFailure.Logged(_logger, "X", account, error);
}
