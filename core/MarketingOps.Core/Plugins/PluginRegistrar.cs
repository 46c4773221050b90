using MarketingOps.Core.Accounts;
using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Core.Plugins;

/// <summary>Collects what one plugin registers.</summary>
internal sealed class PluginRegistrar(PluginManifest manifest, PluginEntry entry, ISecretStore secrets, ILoggerFactory loggerFactory, TimeProvider clock)
    : IPluginRegistrar
{
    private readonly List<IPlatform> _platforms = [];
    private readonly List<IWorkflow> _workflows = [];

    public PluginManifest Manifest { get; } = manifest;

    public IConfiguration Settings { get; } = entry.Settings;

    public IReadOnlyList<PluginAccount> Accounts { get; } = entry.Accounts.Select(ToPluginAccount).ToList();

    public ISecretStore Secrets { get; } = secrets;

    public IWritableSecretStore WritableSecrets { get; } = new PluginSecretScope(secrets, manifest.Id);

    public ILoggerFactory LoggerFactory { get; } = loggerFactory;

    public TimeProvider Clock { get; } = clock;

    /// <summary>Creates the plugin's innermost HTTP handler; the host's own default, replaced by the conformance kit to inject faults.</summary>
    public Func<HttpMessageHandler> HttpHandlerFactory { get; init; } = static () => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    public IReadOnlyList<IPlatform> Platforms => _platforms;

    public IReadOnlyList<IWorkflow> Workflows => _workflows;

    public HttpMessageHandler CreateHttpMessageHandler() => HttpHandlerFactory();

    public void AddPlatform(IPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        _platforms.Add(platform);
    }

    public void AddWorkflow(IWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        _workflows.Add(workflow);
    }

    private static PluginAccount ToPluginAccount(ClientAccount account) => new(account.Name, account.TimeZone.Id, account.Settings);
}
