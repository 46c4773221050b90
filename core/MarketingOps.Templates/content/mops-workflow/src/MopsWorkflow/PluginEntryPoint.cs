using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MopsWorkflow;

/// <summary>What the host finds in the entry assembly: it checks the settings, then registers the workflow.</summary>
public sealed class PluginEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings)
    {
        var problems = new List<SettingsProblem>();
        WorkflowSettings.Read(settings, problems);
        return problems;
    }

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var problems = new List<SettingsProblem>();
        var settings = WorkflowSettings.Read(registrar.Settings, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("invalid settings: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Message}")));
        }

        registrar.AddWorkflow(new AnswerQuestionsWorkflow(settings));
    }
}
