using MarketingOps.Sdk;
using Microsoft.Extensions.Configuration;

namespace MarketingOps.Workflows.FollowUp;

/// <summary>Registers the follow-up workflow.</summary>
public sealed class FollowUpEntryPoint : IPluginEntryPoint
{
    public IReadOnlyList<SettingsProblem> ValidateSettings(IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<SettingsProblem>();
        FollowUpSettings.Read(settings, problems);
        return problems;
    }

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var problems = new List<SettingsProblem>();
        var settings = FollowUpSettings.Read(registrar.Settings, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The follow-up settings are invalid: " + string.Join("; ", problems.Select(p => $"{p.Key}: {p.Message}")));
        }

        registrar.AddWorkflow(new FollowUpWorkflow(settings));
    }
}
