using System.Diagnostics;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Compilation;

/// <summary>
/// Issue 11, a red-team tester's findings on the files a script is made of: a hard-linked <c>.csx</c> passed the path
/// rules and the compiler's errors quoted the key file it was another name of; a named pipe as a <c>.csx</c> hung
/// <c>check</c> and <c>run</c> past any timeout (the host waited in <c>open</c>); a 1.5 GB sparse <c>.csx</c> took the host
/// to 8 GB and an OutOfMemoryException. The host now opens without waiting and reads only a regular file of one name
/// and at most <see cref="ScriptFileReader.MaxBytes"/> with the files it loads.
/// </summary>
public sealed class UnreadableFileTests : IDisposable
{
    private const string Secret = "sk_live_Hunter2TopSecretValue";

    // Were the host to block on a file, the check would never end: started on a thread of its own (the check's first
    // steps are synchronous) and waited on, with room for a loaded machine.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly ScriptFolder _client = new();

    public UnreadableFileTests()
    {
        _client.Write("plugins.json", "{ \"plugins\": [] }\n");
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Load_of_a_csx_hard_linked_to_the_secrets_file_is_refused_and_never_quoted()
    {
        var secrets = _client.Write("secrets/secrets.json", $"{{ \"token\": {Secret} }}\n{Secret}\n");
        Shell("ln", secrets, Path.Combine(_client.Root, "innocent.csx"));

        var (check, run) = await CheckAndRunAsync("innocent.csx");

        AssertRefused(check, "has 1 other name (hard links)");
        AssertRefused(run.Diagnostics, "has 1 other name (hard links)");
        Assert.Equal(ScriptOutcome.Refused, run.Outcome);
    }

    [Fact]
    public async Task Load_of_a_named_pipe_is_refused_at_once_instead_of_waiting_for_a_writer()
    {
        Shell("mkfifo", Path.Combine(_client.Root, "pipe.csx"));

        var (check, run) = await CheckAndRunAsync("pipe.csx");

        AssertRefused(check, "is not a regular file");
        AssertRefused(run.Diagnostics, "is not a regular file");
    }

    [Fact]
    public async Task Load_of_a_file_past_the_size_limit_is_refused_without_reading_it()
    {
        using (var huge = File.Create(Path.Combine(_client.Root, "huge.csx")))
        {
            huge.SetLength(1L << 31); // sparse: 2 GiB that take no room
        }

        var (check, run) = await CheckAndRunAsync("huge.csx");

        AssertRefused(check, $"is {1L << 31:N0} bytes, more than the ");
        AssertRefused(check, $"of the {ScriptFileReader.MaxBytes:N0} a script and the files it loads may have in all");
        AssertRefused(run.Diagnostics, "bytes, more than the");
    }

    [Fact]
    public async Task Loaded_files_that_together_pass_the_size_limit_are_refused_at_the_first_one_past_it()
    {
        var half = "// " + new string('x', (ScriptFileReader.MaxBytes / 2) - 4) + "\n";
        _client.Write("a.csx", half);
        _client.Write("b.csx", half);
        var main = _client.Write("main.csx", "#load \"a.csx\"\n#load \"b.csx\"\nPrint(1);\n");

        var check = await Task.Run(() => TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken)).WaitAsync(Patience, TestContext.Current.CancellationToken);

        var error = Assert.Single(check);
        Assert.Equal((ScriptDiagnosticIds.LoadNotAllowed, main, 2), (error.Id, error.File, error.Line));
        Assert.Contains($"left of the {ScriptFileReader.MaxBytes:N0} a script and the files it loads may have in all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_pipe_or_a_hard_link_cannot_be_checked_as_the_script_itself()
    {
        var pipe = Path.Combine(_client.Root, "pipe.csx");
        Shell("mkfifo", pipe);
        var original = _client.Write("lib/real.csx", "Print(1);\n");
        var linked = Path.Combine(_client.Root, "linked.csx");
        Shell("ln", original, linked);

        foreach (var (path, why) in new[] { (pipe, "is not a regular file"), (linked, "has 1 other name") })
        {
            var diagnostics = await Task.Run(() => TestWorkers.Runner.CheckAsync(path, TestContext.Current.CancellationToken)).WaitAsync(Patience, TestContext.Current.CancellationToken);

            var error = Assert.Single(diagnostics);
            Assert.Equal((ScriptDiagnosticIds.FileNotAllowed, path), (error.Id, error.File));
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
        }
    }

    private async Task<(IReadOnlyList<ScriptDiagnostic> Check, ScriptRunResult Run)> CheckAndRunAsync(string load)
    {
        var main = _client.Write("main.csx", $"// loads a file it may not\n#load \"{load}\"\nPrint(1);\n");
        var ct = TestContext.Current.CancellationToken;
        var check = await Task.Run(() => TestWorkers.Runner.CheckAsync(main, ct), ct).WaitAsync(Patience, ct);
        var host = new TestHost();
        var run = await Task.Run(() => host.RunAsync(main), ct).WaitAsync(Patience, ct);
        return (check, run);
    }

    private void AssertRefused(IReadOnlyList<ScriptDiagnostic> diagnostics, string why)
    {
        var error = Assert.Single(diagnostics);
        Assert.Equal((ScriptDiagnosticIds.LoadNotAllowed, Path.Combine(_client.Root, "main.csx"), 2), (error.Id, error.File, error.Line));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("so it was not read", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    private static void Shell(string command, params string[] arguments)
    {
        using var process = Process.Start(command, arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
