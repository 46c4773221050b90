using MarketingOps.Sdk;

namespace MarketingOps.Core.Plugins;

/// <summary>The workflows of the active plugins, each with the <c>plugins.json</c> entry that configures it.</summary>
public interface IWorkflowCatalog
{
    /// <summary>Every active workflow as loaded now (a reloaded plugin brings new instances).</summary>
    IReadOnlyList<(PluginEntry Entry, IWorkflow Workflow)> Workflows { get; }
}
