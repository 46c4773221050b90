using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Testing.Peers;

/// <summary>The host's side of <see cref="IPluginRegistrar"/> for plugin tests: settings, accounts and secrets from dictionaries.</summary>
public sealed class TestRegistrar : IPluginRegistrar
{
    private readonly List<IPlatform> _platforms = [];

    public TestRegistrar(
        string pluginId,
        IReadOnlyDictionary<string, string?> settings,
        IReadOnlyList<(string Name, IReadOnlyDictionary<string, string?> Settings)> accounts,
        IReadOnlyDictionary<string, string> secrets,
        ILoggerFactory? loggerFactory = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        Manifest = new PluginManifest(pluginId, "1.0.0", "[1.0,2.0)", $"MarketingOps.Plugins.{pluginId}.dll", PluginKind.Platform);
        Settings = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Accounts = accounts
            .Select(a => new PluginAccount(a.Name, "UTC", new ConfigurationBuilder().AddInMemoryCollection(a.Settings).Build()))
            .ToList();
        WritableSecrets = new DictionarySecretStore(secrets);
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Clock = clock ?? TimeProvider.System;
    }

    public PluginManifest Manifest { get; }

    public IConfiguration Settings { get; }

    public IReadOnlyList<PluginAccount> Accounts { get; }

    public ISecretStore Secrets => WritableSecrets;

    public IWritableSecretStore WritableSecrets { get; }

    public ILoggerFactory LoggerFactory { get; }

    public TimeProvider Clock { get; }

    /// <summary>The one platform the plugin added.</summary>
    public IPlatform Platform => _platforms.Single();

    public void AddPlatform(IPlatform platform) => _platforms.Add(platform);

    public void AddWorkflow(IWorkflow workflow) => throw new NotSupportedException("Platform plugins add no workflows.");
}
