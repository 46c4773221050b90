using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Compilation;

public sealed class DiagnosticTests
{
    [Fact]
    public async Task Check_reports_an_undefined_name_at_its_line_and_column_in_the_compiler_format()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("typo.csx", """
            var when = Now.AddDays(1);

            Posts.Schedule("brand", "text", wehn);
            """);

        var diagnostics = await TestWorkers.Runner.CheckAsync(file, TestContext.Current.CancellationToken);

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal(("CS0103", 3, 33), (error.Id, error.Line, error.Column));
        Assert.Equal($"{file}(3,33): error CS0103: The name 'wehn' does not exist in the current context", error.ToString());
    }

    [Fact]
    public async Task Check_reports_errors_in_a_loaded_file_with_that_file_and_its_own_line()
    {
        using var folder = new ScriptFolder();
        var helpers = folder.Write("lib/helpers.csx", """
            // helpers
            string Greeting(string name)
            {
                return "Hi " + nmae;
            }
            """);
        var main = folder.Write("main.csx", """
            #load "lib/helpers.csx"
            Print(Greeting("you"));
            """);

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        var error = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal((helpers, 4, 20, "CS0103"), (error.File, error.Line, error.Column, error.Id));
    }

    [Fact]
    public async Task Every_error_is_reported_in_file_then_line_order()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("many.csx", """
            int a = "text";
            var b = undefinedThing;
            Posts.Shedule("brand", "x", Now);
            """);

        var diagnostics = await TestWorkers.Runner.CheckAsync(file, TestContext.Current.CancellationToken);

        Assert.Equal([(1, "CS0029"), (2, "CS0103"), (3, "CS1061")], diagnostics.Where(d => d.IsError).Select(d => (d.Line, d.Id)));
    }

    [Fact]
    public async Task A_compile_error_means_the_script_does_not_run()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("broken.csx", """
            Posts.Schedule("brand", "must not be posted", Now.AddHours(1));
            var x = ;
            """);
        var host = new TestHost();

        var result = await host.RunAsync(file);

        Assert.Equal(ScriptOutcome.Refused, result.Outcome);
        Assert.Contains(result.Diagnostics, d => d is { Id: "CS1525", Line: 2 });
        Assert.Empty(host.Host.Posts.List(new Hosting.ScriptPostQuery(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_file_is_one_clear_error()
    {
        using var folder = new ScriptFolder();

        var diagnostics = await TestWorkers.Runner.CheckAsync(Path.Combine(folder.Root, "nope.csx"), TestContext.Current.CancellationToken);

        Assert.Equal(ScriptDiagnosticIds.FileNotFound, Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Diagnostics_print_relative_to_a_folder_the_file_is_in()
    {
        var diagnostic = new ScriptDiagnostic("/work/client/scripts/a.csx", 3, 7, IsError: true, "CS0103", "boom");

        Assert.Equal("scripts/a.csx(3,7): error CS0103: boom", diagnostic.RelativeTo("/work/client").ToString());
        Assert.Equal("/work/client/scripts/a.csx(3): warning X: y", (diagnostic with { Column = 0, IsError = false, Id = "X", Message = "y" }).RelativeTo("/elsewhere").ToString());
    }
}
