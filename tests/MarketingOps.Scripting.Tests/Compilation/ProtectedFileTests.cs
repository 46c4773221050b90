using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Running;
using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Scripting.Tests.Compilation;

/// <summary>
/// Issue 11: <c>#load</c> of a file that is not a script echoed it through the compiler's errors (CS0103 names every word
/// it reads). A script may be made of <c>.csx</c> files only, and never of the client folder's secrets, data or configuration.
/// </summary>
public sealed class ProtectedFileTests : IDisposable
{
    // Written as a bare word so that the compiler, were it to read the file, would quote it (CS0103).
    private const string Secret = "sk_live_Hunter2TopSecretValue";

    private readonly ScriptFolder _client = new();

    public ProtectedFileTests()
    {
        _client.Write("plugins.json", "{ \"plugins\": [] }\n"); // what makes the folder a client folder
    }

    public void Dispose() => _client.Dispose();

    [Theory]
    [InlineData("secrets/secrets.json", "secrets/secrets.json", "secrets/ folder")]
    [InlineData("secrets/keys/key-1.xml", "secrets/keys/key-1.xml", "secrets/ folder")]
    [InlineData("secrets/loader.csx", "secrets/loader.csx", "secrets/ folder")]
    [InlineData("data/mops.db", "data/mops.db", "data/ folder")]
    [InlineData("data/notes.csx", "data/notes.csx", "data/ folder")]
    [InlineData("Secrets/notes.csx", "Secrets/notes.csx", "secrets/ folder")]
    [InlineData("secrets/secrets.json", "lib/../secrets/secrets.json", "secrets/ folder")]
    [InlineData("mops.json", "mops.json", "configuration file mops.json")]
    [InlineData("plugins.json", "plugins.json", "configuration file plugins.json")]
    [InlineData("Scripts.JSON", "Scripts.JSON", "configuration file scripts.json")]
    [InlineData("notes.txt", "notes.txt", "not a C# script file")]
    [InlineData("lib/notes.csx.json", "lib/notes.csx.json", "not a C# script file")]
    public async Task Load_of_a_protected_or_non_script_file_is_refused_at_the_directive_and_never_quoted(string file, string load, string why)
    {
        Plant(file);
        var main = _client.Write("main.csx", $"// reads a file it may not\n#load \"{load}\"\nPrint(1);\n");

        var checkedOnly = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);
        var run = await new TestHost().RunAsync(main);

        AssertRefusedAtLineTwo(checkedOnly, main, why);
        Assert.Equal(ScriptOutcome.Refused, run.Outcome);
        AssertRefusedAtLineTwo(run.Diagnostics, main, why);
    }

    [Fact]
    public async Task Load_by_an_absolute_path_of_the_secrets_file_is_refused()
    {
        var secrets = Plant("secrets/secrets.json");
        var main = _client.Write("main.csx", $"// reads a file it may not\n#load \"{secrets}\"\nPrint(1);\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        AssertRefusedAtLineTwo(diagnostics, main, "secrets/ folder");
    }

    [Fact]
    public async Task Load_of_a_csx_link_that_leads_to_the_secrets_file_is_refused_and_names_where_it_leads()
    {
        var secrets = Plant("secrets/secrets.json");
        Directory.CreateDirectory(Path.Combine(_client.Root, "lib"));
        File.CreateSymbolicLink(Path.Combine(_client.Root, "lib", "innocent.csx"), secrets);
        var main = _client.Write("main.csx", "// reads a file it may not\n#load \"lib/innocent.csx\"\nPrint(1);\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        AssertRefusedAtLineTwo(diagnostics, main, $"is a link to '{secrets}', which is in the client folder's secrets/ folder");
    }

    [Fact]
    public async Task Load_of_a_csx_link_to_a_folder_inside_the_secrets_folder_is_refused()
    {
        Plant("secrets/keys/notes.csx");
        Directory.CreateSymbolicLink(Path.Combine(_client.Root, "keys"), Path.Combine(_client.Root, "secrets", "keys"));
        var main = _client.Write("main.csx", "// reads a file it may not\n#load \"keys/notes.csx\"\nPrint(1);\n");

        var diagnostics = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        AssertRefusedAtLineTwo(diagnostics, main, "secrets/ folder");
    }

    [Fact]
    public async Task The_configured_client_folder_is_protected_even_without_its_configuration_files()
    {
        using var client = new ScriptFolder();
        client.Write("data/notes.csx", Secret + "\n");
        var main = client.Write("main.csx", "// reads a file it may not\n#load \"data/notes.csx\"\nPrint(1);\n");
        using var runner = new ScriptRunner(new ScriptRunnerOptions { ClientFolder = client.Root }, pool: TestWorkers.Shared);

        var diagnostics = await runner.CheckAsync(main, TestContext.Current.CancellationToken);
        var elsewhere = await TestWorkers.Runner.CheckAsync(main, TestContext.Current.CancellationToken);

        AssertRefusedAtLineTwo(diagnostics, main, "data/ folder");
        Assert.DoesNotContain(elsewhere, d => d.Id == ScriptDiagnosticIds.LoadNotAllowed); // not a client folder: an ordinary subfolder
    }

    [Theory]
    [InlineData("secrets/secrets.json", "secrets/ folder")]
    [InlineData("secrets/keys/run.csx", "secrets/ folder")]
    [InlineData("mops.json", "configuration file mops.json")]
    [InlineData("notes.txt", "not a C# script file")]
    public async Task A_protected_or_non_script_file_cannot_be_checked_or_run_as_the_script_itself(string file, string why)
    {
        var path = Plant(file);

        var checkedOnly = await TestWorkers.Runner.CheckAsync(path, TestContext.Current.CancellationToken);
        var run = await new TestHost().RunAsync(path);

        foreach (var diagnostics in new[] { checkedOnly, run.Diagnostics })
        {
            var error = Assert.Single(diagnostics);
            Assert.Equal((ScriptDiagnosticIds.FileNotAllowed, path, 0), (error.Id, error.File, error.Line));
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
            Assert.Contains("Its text was not read", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(ScriptOutcome.Refused, run.Outcome);
    }

    [Fact]
    public void Should_a_non_script_file_ever_reach_the_compiler_its_errors_do_not_quote_it()
    {
        // What a worker would be sent were the host's check bypassed: a main file that loads a JSON file.
        var main = Path.Combine(_client.Root, "main.csx");
        var json = Path.Combine(_client.Root, "notes.json");
        var call = new CompileCall("key", [new SourceFileMessage(main, "#load \"notes.json\"\nPrint(1);\n", false), new SourceFileMessage(json, $"{{ \"token\": {Secret} }}\n", false)], [], []);

        var output = ScriptCompiler.Compile(ScriptSources.FromMessages(call, ScriptEnvironment.Default.ParseOptions), "withheld", TestContext.Current.CancellationToken);

        Assert.Contains(output.Diagnostics, d => d.File == json && d.IsError);
        Assert.All(output.Diagnostics, d => Assert.DoesNotContain(Secret, d.ToString(), StringComparison.Ordinal));
        Assert.All(output.Diagnostics.Where(d => d.File == json), d => Assert.Contains("withheld", d.Message, StringComparison.Ordinal));
    }

    private string Plant(string relativePath) => _client.Write(relativePath, $"{{ \"token\": {Secret} }}\n{Secret}\n");

    private static void AssertRefusedAtLineTwo(IReadOnlyList<ScriptDiagnostic> diagnostics, string main, string why)
    {
        var error = Assert.Single(diagnostics);
        Assert.Equal((ScriptDiagnosticIds.LoadNotAllowed, main, 2, 1), (error.Id, error.File, error.Line, error.Column));
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("did not read this one", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }
}
