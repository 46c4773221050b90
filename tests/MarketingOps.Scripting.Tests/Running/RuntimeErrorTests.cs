using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Running;

public sealed class RuntimeErrorTests
{
    [Fact]
    public async Task An_exception_reports_the_script_file_and_line_where_it_was_thrown()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("fails.csx", """
            var texts = new List<string> { "a", "b" };
            foreach (var t in texts) { Print(t); }

            for (var i = 0; i < 3; i++) { if (i == 2) throw new InvalidOperationException($"boom at {i}"); }
            """);

        var result = await new TestHost().RunAsync(file);

        Assert.Equal(ScriptOutcome.Failed, result.Outcome);
        Assert.Equal($"{file}(4): error MOPS100: System.InvalidOperationException: boom at 2", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_stack_trace_the_script_prints_shows_its_own_frames_and_nothing_of_the_host()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("trace.csx", """
            void Book() => Posts.Schedule("no-such-account", "hello", Now.AddHours(1));
            try { Book(); }
            catch (ArgumentException ex) { Print(ex.ToString()); }
            try { Json.Deserialize<int>("not json"); }
            catch (Exception ex) { Print(ex.StackTrace); }
            """);
        var host = new TestHost();

        var result = await host.RunAsync(file);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var printed = host.Output.ToString();
        Assert.Contains("ArgumentException", printed, StringComparison.Ordinal);
        Assert.Contains("Book", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("MarketingOps.", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("/core/", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_in_a_loaded_file_points_into_that_file()
    {
        using var folder = new ScriptFolder();
        var lib = folder.Write("lib/parse.csx", """
            // Parses a share of traffic.
            double Share(string text)
            {
                var value = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
                return value / 100;
            }
            """);
        var main = folder.Write("main.csx", """
            #load "lib/parse.csx"
            Share("ten")
            """);

        var result = await new TestHost().RunAsync(main);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((lib, 4, ScriptDiagnosticIds.RuntimeError), (error.File, error.Line, error.Id));
        Assert.Contains("FormatException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_after_an_await_and_inside_a_lambda_still_points_at_its_line()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("async.csx", """
            await Delay(TimeSpan.Zero);
            var lengths = new[] { "x", null }.Select(s =>
                s.Length).ToList();
            """);

        var result = await new TestHost().RunAsync(file);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((3, ScriptDiagnosticIds.RuntimeError), (error.Line, error.Id));
        Assert.Contains("NullReferenceException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_from_the_host_reads_as_a_clear_error_at_the_calling_line()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("unknown-account.csx", """
            // Typo in the account name.
            Posts.Schedule("brnad", "Hello", Now.AddHours(1));
            """);

        var result = await new TestHost().RunAsync(file);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(2, error.Line);
        Assert.EndsWith("No account named 'brnad'. Known accounts: brand, brand-mastodon, brand-bluesky.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instrumented_line_numbers_match_the_source_across_expression_bodies_and_blank_lines()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("lines.csx", """
            class Calc
            {
                public int Half(int x) =>
                    x % 2 == 0
                        ? x / 2
                        : throw new ArgumentException("odd");
                public int Prop
                    => Half(3);
            }

            while (false) Print(1);
            var c = new Calc();
            Print(c.Half(4));
            Print(c.Prop);
            """);
        var host = new TestHost();

        var result = await host.RunAsync(file);

        Assert.Equal("2", host.Output.ToString().Trim());
        Assert.Equal(4, Assert.Single(result.Diagnostics, d => d.IsError).Line); // the statement's first line, as the compiler's sequence points have it
    }
}
