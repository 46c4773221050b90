using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Scripting.Scheduling;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script scheduled</c>: the scheduled scripts, from <c>scripts.json</c>.</summary>
internal sealed class ScriptScheduledCommand : Command<JsonSettings>
{
    public override int Execute(CommandContext context, JsonSettings settings, CancellationToken cancellationToken)
    {
        var scripts = ScriptScheduleFile.Read(ClientFolder.Resolve(settings.Home).Root);
        if (settings.Json)
        {
            JsonOutput.Write(scripts);
            return ExitCodes.Success;
        }

        foreach (var script in scripts)
        {
            var args = script.Args.Count == 0 ? "" : " -- " + string.Join(' ', script.Args);
            var state = script.Paused is null ? "active" : "PAUSED";
            Console.Out.WriteLine($"{script.Name,-20} {state,-7} {script.Cron,-20} {script.TimeZone,-16} {DisplayPath.Of(script.File)}{args}");
            if (script.Paused is { } reason)
            {
                Console.Out.WriteLine($"{"",-20} paused {script.PausedAt:u}: {reason}; `mops script resume {script.Name}` runs it again");
            }

            Console.Out.WriteLine($"{"",-20} {Pace(script)}");
            if (script.MissedRuns is { } missed)
            {
                Console.Out.WriteLine($"{"",-20} missed {missed} run{(missed == 1 ? "" : "s")}, the last due {script.LastMissedAt:u}: {script.LastMissedReason}");
            }
        }

        if (scripts.Count == 0)
        {
            Console.Error.WriteLine("no scheduled scripts");
        }

        return ExitCodes.Success;
    }

    /// <summary>Which workers its next run may use, and why: its record of how long its last run took.</summary>
    private static string Pace(ScheduledScript script) => script switch
    {
        { LastRunAt: not { } } => "no finished run yet: until one finishes quickly it shares all but the last worker with slow scripts",
        { LastRunQuick: true } => $"last run {script.LastRunAt:u} took {WaitExplanation.Describe(script.LastRunTook ?? TimeSpan.Zero)}: quick, so its next run may take any worker (if the script is unchanged)",
        _ => $"last run {script.LastRunAt:u} took {WaitExplanation.Describe(script.LastRunTook ?? TimeSpan.Zero)}: slow, so its next run shares all but the last worker with slow and new scripts",
    };
}
