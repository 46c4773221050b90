using MarketingOps.Host.Cli;
using MarketingOps.Host.Hosting;
using MarketingOps.Scripting.Scheduling;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script unschedule</c>: removes the script from <c>scripts.json</c>; a running host drops it at its next start.</summary>
internal sealed class ScriptUnscheduleCommand : AsyncCommand<ScriptNameSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScriptNameSettings settings, CancellationToken cancellationToken)
    {
        var folder = ClientFolder.Resolve(settings.Home);
        if (!await ScriptScheduleFile.RemoveAsync(folder.Root, settings.Name))
        {
            var known = ScriptScheduleFile.Read(folder.Root).Select(s => s.Name).ToList();
            throw new UserFacingException($"no scheduled script named '{settings.Name}'; scheduled: {(known.Count == 0 ? "none" : string.Join(", ", known))}");
        }

        Console.Error.WriteLine($"unscheduled '{settings.Name}'");
        return ExitCodes.Success;
    }
}
