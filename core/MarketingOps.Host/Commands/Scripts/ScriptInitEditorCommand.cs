using MarketingOps.Host.Cli;
using MarketingOps.Scripting.Editor;
using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Scripts;

/// <summary><c>mops script init-editor</c>: writes the globals stub and omnisharp.json into the scripts folder.</summary>
internal sealed class ScriptInitEditorCommand : Command<ScriptInitEditorSettings>
{
    public override int Execute(CommandContext context, ScriptInitEditorSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(settings.Folder ?? ".");
        foreach (var written in EditorSupport.Write(folder))
        {
            Console.Out.WriteLine(written);
        }

        Console.Error.WriteLine($"start each script with   {EditorSupport.LoadLine}   (mops skips it at run time); see docs/scripting.md, \"Editor support\"");
        return ExitCodes.Success;
    }
}
