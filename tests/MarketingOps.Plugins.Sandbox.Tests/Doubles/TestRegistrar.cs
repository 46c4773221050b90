using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Plugins.Sandbox.Tests.Doubles;

/// <summary>Hands the plugin its settings, accounts and clock as the host would, and keeps what it registers.</summary>
public sealed class TestRegistrar(IConfiguration settings, IReadOnlyList<PluginAccount> accounts, TimeProvider clock) : IPluginRegistrar
{
    public PluginManifest Manifest { get; } = new("sandbox", "1.0.0", "[1.0,2.0)", "MarketingOps.Plugins.Sandbox.dll", PluginKind.Platform)
    {
        DisplayName = "Sandbox network",
    };

    public IConfiguration Settings => settings;

    public IReadOnlyList<PluginAccount> Accounts => accounts;

    public ISecretStore Secrets { get; } = new NoSecrets();

    public ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public TimeProvider Clock => clock;

    public List<IPlatform> Platforms { get; } = [];

    public List<IWorkflow> Workflows { get; } = [];

    public void AddPlatform(IPlatform platform) => Platforms.Add(platform);

    public void AddWorkflow(IWorkflow workflow) => Workflows.Add(workflow);
}
