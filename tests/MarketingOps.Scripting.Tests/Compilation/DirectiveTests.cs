using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Compilation;

public sealed class DirectiveTests
{
    [Fact]
    public async Task Load_brings_in_files_from_the_script_folder_and_its_subfolders_even_nested()
    {
        using var folder = new ScriptFolder();
        folder.Write("lib/wording.csx", """
            #load "../shared/consts.csx"
            string Wording(string topic) => $"{Prefix}: {topic}";
            """);
        folder.Write("shared/consts.csx", """
            const string Prefix = "New";
            """);
        var main = folder.Write("main.csx", """
            #load "lib/wording.csx"
            #load "shared/consts.csx"
            Wording("pricing")
            """);

        var result = await new TestHost().RunAsync(main);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("New: pricing", result.ReturnValue);
    }

    [Fact]
    public async Task Load_outside_the_script_folder_is_refused_at_the_directive()
    {
        using var folder = new ScriptFolder();
        folder.Write("outside.csx", "var secret = 1;");
        var main = folder.Write("scripts/main.csx", """
            // header
            #load "../outside.csx"
            Print(1);
            """);

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal((ScriptDiagnosticIds.LoadNotAllowed, 2, 1), (error.Id, error.Line, error.Column));
        Assert.Contains("outside the script's folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_of_an_absolute_path_elsewhere_is_refused()
    {
        using var folder = new ScriptFolder();
        using var other = new ScriptFolder();
        var elsewhere = other.Write("x.csx", "var y = 2;");
        var main = folder.Write("main.csx", $"#load \"{elsewhere}\"\nPrint(y);\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        Assert.Contains(diagnostics, d => d is { Id: ScriptDiagnosticIds.LoadNotAllowed, Line: 1 });
    }

    [Fact]
    public async Task Load_through_a_symbolic_link_that_leads_outside_is_refused()
    {
        using var folder = new ScriptFolder();
        using var other = new ScriptFolder();
        other.Write("lib/x.csx", "var y = 2;");
        Directory.CreateSymbolicLink(Path.Combine(folder.Root, "linked"), Path.Combine(other.Root, "lib"));
        var main = folder.Write("main.csx", "#load \"linked/x.csx\"\nPrint(y);\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        Assert.Contains(diagnostics, d => d is { Id: ScriptDiagnosticIds.LoadNotAllowed, Line: 1 });
    }

    [Fact]
    public async Task Load_of_a_missing_file_says_so()
    {
        using var folder = new ScriptFolder();
        var main = folder.Write("main.csx", "#load \"missing.csx\"\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        var error = Assert.Single(diagnostics);
        Assert.Equal(ScriptDiagnosticIds.LoadNotAllowed, error.Id);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_directives_are_refused_with_a_clear_message_and_nothing_runs()
    {
        using var folder = new ScriptFolder();
        var main = folder.Write("main.csx", """
            #r "System.Net.Http.dll"
            #r "nuget: Newtonsoft.Json, 13.0.3"
            Posts.Schedule("brand", "must not be posted", Now.AddHours(1));
            """);
        var host = new TestHost();

        var result = await host.RunAsync(main);

        Assert.Equal(ScriptOutcome.Refused, result.Outcome);
        Assert.Equal([1, 2], result.Diagnostics.Select(d => d.Line));
        Assert.All(result.Diagnostics, d => Assert.Equal(ScriptDiagnosticIds.ReferenceNotAllowed, d.Id));
        Assert.Contains("#r \"System.Net.Http.dll\" is not allowed", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Empty(host.Host.Posts.List(new Hosting.ScriptPostQuery(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_loaded_file_may_not_reference_assemblies_either()
    {
        using var folder = new ScriptFolder();
        var lib = folder.Write("lib.csx", "#r \"System.IO.dll\"\nvar z = 1;\n");
        var main = folder.Write("main.csx", "#load \"lib.csx\"\nPrint(z);\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal((lib, ScriptDiagnosticIds.ReferenceNotAllowed), (error.File, error.Id));
    }
}
