using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Workers;

/// <summary>
/// What a script prints reaches the host in order and while it runs, but not a message a line: lines printed one after
/// another travel together (a report printed at the end goes with the run's answer), a finished line waits moments at
/// most, and a log line or a call never overtakes a line printed before it.
/// </summary>
public sealed class PrintedLinesTests
{
    [Fact]
    public async Task Lines_printed_one_after_another_reach_the_host_together_and_in_order()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("lines.csx", "for (var i = 0; i < 500; i++) { Print(\"line \" + i); }\n\"done\"\n");
        var host = new TestHost();

        var result = await host.RunAsync(file);

        Assert.Equal(ScriptOutcome.Completed, result.Outcome);
        Assert.Equal(string.Concat(Enumerable.Range(0, 500).Select(i => $"line {i}{Environment.NewLine}")), host.Output.ToString());

        // One message a line would be 500; together they are a few (a message carries up to 8 K characters, and a
        // worker held up for a moment between two prints sends what it had).
        Assert.InRange(host.Output.StringWrites, 1, 20);
    }

    [Fact]
    public async Task A_log_line_never_overtakes_a_line_printed_before_it()
    {
        using var folder = new ScriptFolder();
        var file = folder.Write("log.csx", "Print(\"printed first\");\nLog.LogInformation(\"logged second\");\n");
        var host = new TestHost();
        var printedWhenLogged = "";
        host.Log.Logged += _ => printedWhenLogged = host.Output.ToString();

        var result = await host.RunAsync(file);

        Assert.Equal(ScriptOutcome.Completed, result.Outcome);
        Assert.Equal("printed first" + Environment.NewLine, printedWhenLogged);
    }
}
