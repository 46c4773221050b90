using MarketingOps.Core.Plugins;
using MarketingOps.Host.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Plugins;

/// <summary><c>mops plugins check</c>: loads and validates every plugin and its settings; exits non-zero on any problem; changes nothing.</summary>
internal sealed class PluginsCheckCommand : HostedCommand<GlobalSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        using var host = BuildHost(settings, o => o with { ConsoleLevel = Serilog.Events.LogEventLevel.Error });
        var plugins = host.Services.GetRequiredService<PluginManager>();
        var problems = plugins.LoadAll().Select(p => p.ToString()).ToList();
        problems.AddRange(plugins.States
            .Where(s => s.Status is PluginStatus.NotSupported or PluginStatus.Malfunctioned)
            .Select(s => $"plugin {s.Id}: {s.Status}: {s.Reason}"));
        problems.AddRange(plugins.States
            .Where(s => s.Status != PluginStatus.Disabled)
            .SelectMany(s => PluginReferenceCheck.Check(s.Path).Select(c => $"plugin {s.Id}: reference conflict: {c}")));
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"problem: {problem}");
        }

        var active = plugins.States.Count(s => s.Status == PluginStatus.Active);
        Console.Out.WriteLine(problems.Count == 0
            ? $"ok: {plugins.States.Count} plugin(s) checked, {active} active"
            : $"{problems.Count} problem(s) in {plugins.States.Count} plugin(s)");
        return Task.FromResult(problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failure);
    }
}
