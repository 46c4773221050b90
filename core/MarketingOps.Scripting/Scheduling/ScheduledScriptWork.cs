using MarketingOps.Core.Scheduling;
using MarketingOps.Scripting.Engine;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>One scheduled script as recurring work: each round runs it once and logs how it ended and what it printed.</summary>
internal sealed class ScheduledScriptWork(ScheduledScript script, ScriptRunner runner, IServiceProvider services, ILogger<ScheduledScriptWork> logger) : IRecurringWork
{
    public string Name => script.WorkName;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        var request = new ScriptRunRequest(HostScriptServices.Create(services, script.File, output)) { Args = script.Args, Timeout = script.Timeout };
        var result = await runner.RunAsync(script.File, request, cancellationToken);
        var printed = output.ToString().TrimEnd();
        if (result.Succeeded)
        {
            logger.LogInformation("Scheduled script {Name} ran in {Elapsed} (returned {Value}){Output}", script.Name, result.RunTime, result.ReturnValue, printed.Length == 0 ? "" : Environment.NewLine + printed);
            return;
        }

        // A failed round is logged and the schedule goes on; RecurringJob does the same for any work.
        logger.LogError("Scheduled script {Name} ended {Outcome}:{Diagnostics}{Output}", script.Name, result.Outcome,
            string.Concat(result.Diagnostics.Select(d => Environment.NewLine + "  " + d)), printed.Length == 0 ? "" : Environment.NewLine + printed);
    }
}
