using MarketingOps.Host.Cli;
using MarketingOps.Scripting.Running;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script check</c>: compiles (in a worker) and applies the policy, nothing runs and no client folder is needed.</summary>
internal sealed class ScriptCheckCommand : AsyncCommand<ScriptCheckSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScriptCheckSettings settings, CancellationToken cancellationToken)
    {
        using var runner = new ScriptRunner(new ScriptRunnerOptions());
        var file = Path.GetFullPath(settings.File);
        var diagnostics = await runner.CheckAsync(file, cancellationToken);
        var errors = diagnostics.Count(d => d.IsError);
        if (settings.Json)
        {
            JsonOutput.Write(new ScriptCheckJson(DisplayPath.Of(file), errors == 0, errors, diagnostics.Count - errors, ScriptDiagnosticJson.From(diagnostics)));
            return errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }

        DiagnosticPrinter.Print(diagnostics);
        if (errors > 0)
        {
            Console.Error.WriteLine($"{errors} error{(errors == 1 ? "" : "s")}; the script would not run");
            return ExitCodes.Failure;
        }

        Console.Error.WriteLine("ok: the script compiles and stays within the policy");
        return ExitCodes.Success;
    }
}
