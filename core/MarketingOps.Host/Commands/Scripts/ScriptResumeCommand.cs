using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Scripting.Scheduling;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script resume</c>: runs a paused scheduled script again; a running host picks it up at its next firing.</summary>
internal sealed class ScriptResumeCommand : AsyncCommand<ScriptNameSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScriptNameSettings settings, CancellationToken cancellationToken)
    {
        var folder = ClientFolder.Resolve(settings.Home);
        var wasPaused = false;
        if (!await ScriptScheduleFile.UpdateAsync(folder.Root, settings.Name, s =>
            {
                wasPaused = s.Paused is not null;
                return s with { Paused = null, PausedAt = null, WorkerDeathsInARow = null };
            }))
        {
            var known = ScriptScheduleFile.Read(folder.Root).Select(s => s.Name).ToList();
            throw new UserFacingException($"no scheduled script named '{settings.Name}'; scheduled: {(known.Count == 0 ? "none" : string.Join(", ", known))}");
        }

        Console.Error.WriteLine(wasPaused ? $"resumed '{settings.Name}'; it runs at its next firing" : $"'{settings.Name}' was not paused");
        return ExitCodes.Success;
    }
}
