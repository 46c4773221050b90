using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script …</c>: run, check and schedule C# scripts.</summary>
internal static class ScriptCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("script", script =>
        {
            script.SetDescription("Run, check and schedule C# scripts (.csx) against this client's accounts and posts.");
            script.AddCommand<ScriptRunCommand>("run")
                .WithDescription("Compile (or take from the cache) and run a script. Exit 0 when it ran to its end.")
                .WithExample("script", "run", "scripts/ab-two-variants.csx", "--dry-run", "--", "acme")
                .WithExample("script", "run", "scripts/weekly-report.csx", "--timeout", "30s");
            script.AddCommand<ScriptCheckCommand>("check")
                .WithDescription("Compile and apply the policy without running. Exit 0, or the diagnostics and 1.")
                .WithExample("script", "check", "scripts/three-way.csx");
            script.AddCommand<ScriptScheduleCommand>("schedule")
                .WithDescription("Run a script on a cron schedule while `mops run` is up (Quartz cron, seconds first).")
                .WithExample("script", "schedule", "scripts/bandit-evergreen.csx", "--cron", "0 0 8 * * ?", "--name", "evergreen", "--", "acme");
            script.AddCommand<ScriptUnscheduleCommand>("unschedule")
                .WithDescription("Stop running a scheduled script.")
                .WithExample("script", "unschedule", "evergreen");
            script.AddCommand<ScriptScheduledCommand>("scheduled")
                .WithDescription("List the scheduled scripts, and why any is paused.");
            script.AddCommand<ScriptResumeCommand>("resume")
                .WithDescription("Run a paused scheduled script again (the host pauses one whose worker died three runs in a row).")
                .WithExample("script", "resume", "evergreen");
            script.AddCommand<ScriptInitEditorCommand>("init-editor")
                .WithDescription("Write .mops/globals.csx and omnisharp.json so VS Code and Rider offer IntelliSense for scripts.")
                .WithExample("script", "init-editor", "scripts");
        });
}
