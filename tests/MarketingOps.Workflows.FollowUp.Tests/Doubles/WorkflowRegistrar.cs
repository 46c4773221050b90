using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MarketingOps.Workflows.FollowUp.Tests.Doubles;

/// <summary>Hands a plugin its settings, accounts and clock as the host would, and keeps what it registers.</summary>
public sealed class WorkflowRegistrar(IConfiguration settings, List<IWorkflow> workflows, IReadOnlyList<PluginAccount>? accounts = null, TimeProvider? clock = null, PluginManifest? manifest = null) : IPluginRegistrar
{
    public PluginManifest Manifest { get; } = manifest ?? new("followup", "1.0.0", "[1.0,2.0)", "MarketingOps.Workflows.FollowUp.dll", PluginKind.Workflow);

    public IConfiguration Settings => settings;

    public IReadOnlyList<PluginAccount> Accounts => accounts ?? [];

    public ISecretStore Secrets { get; } = new NoSecrets();

    public ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public TimeProvider Clock => clock ?? TimeProvider.System;

    public List<IPlatform> Platforms { get; } = [];

    public void AddPlatform(IPlatform platform) => Platforms.Add(platform);

    public void AddWorkflow(IWorkflow workflow) => workflows.Add(workflow);

    private sealed class NoSecrets : ISecretStore
    {
        public string? GetSecret(string name) => null;
    }
}
