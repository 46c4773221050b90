using MarketingOps.Scripting.Editor;
using MarketingOps.Scripting.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace MarketingOps.Scripting.Tests.Editor;

public sealed class EditorSupportTests
{
    private const string Script = """
        #load ".mops/globals.csx"
        var account = Account("brand");
        var post = Posts.Schedule(account, "From the editor", Now.AddHours(1));
        Log.LogInformation("Scheduled {Id}", post.Id);
        Print(Json.Serialize(new { post.Id }));
        post.Id
        """;

    [Fact]
    public void The_stub_gives_an_editor_every_global_with_its_type()
    {
        using var folder = new ScriptFolder();
        var written = EditorSupport.Write(folder.Root);
        var main = folder.Write("editor.csx", Script);

        // What OmniSharp or Rider does with the file: an ordinary C# script, #r and #load resolved, no globals object.
        var options = ScriptOptions.Default
            .WithFilePath(main)
            .WithSourceResolver(new SourceFileResolver([], folder.Root))
            .WithMetadataResolver(ScriptMetadataResolver.Default);
        var diagnostics = CSharpScript.Create(File.ReadAllText(main), options).Compile(TestContext.Current.CancellationToken);

        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal([Path.Combine(folder.Root, ".mops", "globals.csx"), Path.Combine(folder.Root, "omnisharp.json")], written);
        Assert.Contains("\"enabled\": true", File.ReadAllText(written[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mops_skips_the_stub_so_the_same_script_runs_against_the_real_globals()
    {
        using var folder = new ScriptFolder();
        EditorSupport.Write(folder.Root);
        var main = folder.Write("editor.csx", Script);
        var host = new TestHost();

        var result = await host.RunAsync(main);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("post-1", result.ReturnValue);
        Assert.Contains("{\"id\":\"post-1\"}", host.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stub_declares_each_public_member_of_the_globals()
    {
        var stub = EditorSupport.GlobalsStub();

        foreach (var name in typeof(ScriptGlobals).GetProperties().Select(p => p.Name).Concat(["Account(", "Print(", "Delay("]))
        {
            Assert.Contains(" " + name, stub, StringComparison.Ordinal);
        }
    }
}
