using System.Globalization;
using MarketingOps.Core.Scheduling;
using MarketingOps.Scripting.Engine;
using MarketingOps.Scripting.Running;
using Microsoft.Extensions.Logging;

namespace MarketingOps.Scripting.Scheduling;

/// <summary>
/// One scheduled script as recurring work: each round reads its entry afresh (so <c>unschedule</c> and <c>resume</c>
/// take effect without a restart), runs it in a worker, and logs how it ended and what it printed. A script whose
/// worker died or had to be killed <see cref="PauseAfter"/> runs in a row is paused, with the reason in
/// <c>scripts.json</c> for <c>mops script scheduled</c>; the host and every other schedule carry on.
/// </summary>
internal sealed class ScheduledScriptWork(
    ScheduledScript script,
    string clientFolder,
    ScriptRunner runner,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<ScheduledScriptWork> logger) : IRecurringWork
{
    public const int PauseAfter = 3;

    public string Name => script.WorkName;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var current = ScriptScheduleFile.Find(clientFolder, script.Name);
        if (current is null)
        {
            logger.LogInformation("Scheduled script {Name} was unscheduled; it runs no more", script.Name);
            return;
        }

        if (current.Paused is { } reason)
        {
            logger.LogInformation("Scheduled script {Name} is paused ({Reason}); `mops script resume {Name}` runs it again", script.Name, reason, script.Name);
            return;
        }

        using var output = new StringWriter();
        var request = new ScriptRunRequest(HostScriptServices.Create(services, current.File, output)) { Args = current.Args, Timeout = current.Timeout };
        var result = await runner.RunAsync(current.File, request, cancellationToken);
        var printed = output.ToString().TrimEnd();
        if (result.Succeeded)
        {
            logger.LogInformation("Scheduled script {Name} ran in {Elapsed} (returned {Value}){Output}", script.Name, result.RunTime, result.ReturnValue, printed.Length == 0 ? "" : Environment.NewLine + printed);
        }
        else
        {
            // A failed round is logged and the schedule goes on; RecurringJob does the same for any work.
            logger.LogError("Scheduled script {Name} ended {Outcome}:{Diagnostics}{Output}", script.Name, result.Outcome,
                string.Concat(result.Diagnostics.Select(d => Environment.NewLine + "  " + d)), printed.Length == 0 ? "" : Environment.NewLine + printed);
        }

        if (result.Outcome == ScriptOutcome.Cancelled)
        {
            return; // the host is stopping: that says nothing about the script
        }

        var deaths = result.WorkerKilled ? (current.WorkerDeathsInARow ?? 0) + 1 : 0;
        if (deaths == (current.WorkerDeathsInARow ?? 0))
        {
            return;
        }

        var pause = deaths >= PauseAfter
            ? string.Create(CultureInfo.InvariantCulture, $"its worker died or had to be killed {deaths} runs in a row; last: {result.Diagnostics.LastOrDefault(d => d.IsError)?.Message}")
            : null;
        await ScriptScheduleFile.UpdateAsync(clientFolder, script.Name, s => s with
        {
            WorkerDeathsInARow = deaths == 0 ? null : deaths,
            Paused = pause ?? s.Paused,
            PausedAt = pause is null ? s.PausedAt : clock.GetUtcNow(),
        });
        if (pause is not null)
        {
            logger.LogError("Scheduled script {Name} is paused: {Reason}. Fix it, then `mops script resume {Name}`", script.Name, pause, script.Name);
        }
    }
}
