using MarketingOps.Core.Configuration;
using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Scheduling;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script schedule</c>: checks the script, then records it in <c>scripts.json</c>; <c>mops run</c> runs it on its schedule.</summary>
internal sealed class ScriptScheduleCommand : AsyncCommand<ScriptScheduleSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScriptScheduleSettings settings, CancellationToken cancellationToken)
    {
        var folder = ClientFolder.Resolve(settings.Home);
        var file = Path.GetFullPath(settings.File);
        var script = new ScheduledScript(settings.Name ?? Path.GetFileNameWithoutExtension(file), file, settings.Cron!)
        {
            TimeZone = settings.TimeZone ?? "UTC",
            Timeout = settings.ParsedTimeout,
            Args = context.Remaining.Raw.ToList(),
        };
        var problems = ScriptScheduleFile.Problems(script);
        if (problems.Count > 0)
        {
            throw new UserFacingException(string.Join("; ", problems.Select(p => $"{p.Location.TrimStart('.')}: {p.Message}")));
        }

        // A script that would not compile is refused now, not at 3 a.m.
        using var runner = new ScriptRunner(new ScriptRunnerOptions { ClientFolder = folder.Root, CacheDirectory = Path.Combine(folder.CacheDirectory, "scripts") });
        var diagnostics = await runner.CheckAsync(file, cancellationToken);
        if (diagnostics.Any(d => d.IsError))
        {
            DiagnosticPrinter.Print(diagnostics);
            throw new UserFacingException("the script does not compile or breaks the policy; it was not scheduled");
        }

        try
        {
            // Scheduled again: the record of how long its runs take stays (it holds for the version that ran only).
            if (ScriptScheduleFile.Find(folder.Root, script.Name) is { } earlier && earlier.File == script.File)
            {
                script = script with { LastRunAt = earlier.LastRunAt, LastRunTook = earlier.LastRunTook, LastRunQuick = earlier.LastRunQuick, LastRunVersion = earlier.LastRunVersion };
            }

            await ScriptScheduleFile.UpsertAsync(folder.Root, script);
        }
        catch (ConfigurationException ex)
        {
            throw new UserFacingException($"{ScriptScheduleFile.FileName} cannot be read, so nothing was changed: {ex.Message}");
        }

        Console.Out.WriteLine(script.Name);
        Console.Error.WriteLine($"scheduled '{script.Name}' ({script.Cron}, {script.TimeZone}); it runs while `mops run` is up (a running host takes it up within seconds)");
        return ExitCodes.Success;
    }
}
