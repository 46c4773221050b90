using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Workflows;

/// <summary>A catalog holding the workflows a test gives it, as the plugin manager would after loading.</summary>
internal sealed class FakeWorkflowCatalog : IWorkflowCatalog
{
    private readonly List<(PluginEntry Entry, IWorkflow Workflow)> _workflows = [];

    public IReadOnlyList<(PluginEntry Entry, IWorkflow Workflow)> Workflows => _workflows;

    public FakeWorkflowCatalog Add(IWorkflow workflow, string pluginId = "followup", WorkflowEntry? settings = null)
    {
        var entry = new PluginEntry(pluginId, "/plugins/" + pluginId, "$.plugins[0]")
        {
            Workflows = settings is null ? new Dictionary<string, WorkflowEntry>() : new Dictionary<string, WorkflowEntry> { [workflow.Name] = settings },
        };
        _workflows.Add((entry, workflow));
        return this;
    }

    public void Clear() => _workflows.Clear();
}
