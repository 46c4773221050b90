using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>`mops script …` through the real executable, with posts going through the publishing engine to the sandbox.</summary>
public sealed class ScriptCommandsTests : IDisposable
{
    private readonly TempFolder _home = new();

    public ScriptCommandsTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
    }

    public void Dispose() => _home.Dispose();

    private Task<(int ExitCode, string Out, string Err)> Mops(params string[] args) => MopsProcess.RunAsync(_home.Root, args);

    [Fact]
    public async Task Run_schedules_through_the_publishing_engine_prints_the_value_and_caches_the_compiled_script()
    {
        _home.Write("scripts/post.csx", """
            var account = Account(Args[0]);
            var post = Posts.Schedule(account.Name, "Hello from a script", account.Next(DayOfWeek.Monday, new TimeOnly(10, 0), Now));
            Log.LogInformation("Scheduled {Id}", post.Id);
            post.Id
            """);

        var (exit, output, error) = await Mops("script", "run", "scripts/post.csx", "--", "acme");
        var (_, listJson, _) = await Mops("post", "list", "--json");

        Assert.True(exit == 0, error);
        var listed = JsonDocument.Parse(listJson).RootElement.EnumerateArray().Single();
        Assert.Equal(output.Trim(), listed.GetProperty("id").GetString());
        Assert.Equal("Hello from a script", listed.GetProperty("text").GetString());
        Assert.Contains("[info] Scheduled " + output.Trim(), error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_home.Root, "cache", "scripts"), "*.dll"));
    }

    [Fact]
    public async Task Dry_run_prints_what_would_be_posted_and_stores_nothing()
    {
        _home.Write("scripts/post.csx", "Posts.Schedule(\"acme\", \"Not really\", Now.AddDays(1)).Id\n");

        var (exit, output, error) = await Mops("script", "run", "scripts/post.csx", "--dry-run");
        var (_, listJson, _) = await Mops("post", "list", "--json");

        Assert.True(exit == 0, error);
        Assert.Contains("[dry run] would schedule on acme at ", output, StringComparison.Ordinal);
        Assert.Contains("dry run: 1 action recorded; nothing was posted or started", error, StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(listJson).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Check_prints_compiler_and_policy_errors_with_line_and_column_and_exits_1()
    {
        _home.Write("scripts/bad.csx", "var x = 1;\nPosts.Shedule(\"acme\", \"x\", Now);\nSystem.IO.File.Delete(\"x\");\n");
        _home.Write("scripts/good.csx", "Print(Now);\n");

        var (badExit, _, badError) = await Mops("script", "check", "scripts/bad.csx");
        var (goodExit, _, goodError) = await Mops("script", "check", "scripts/good.csx");

        Assert.Equal(1, badExit);
        Assert.Contains("scripts/bad.csx(2,7): error CS1061: 'PostsApi' does not contain a definition for 'Shedule'", badError, StringComparison.Ordinal);
        Assert.Contains("scripts/bad.csx(3,1): error MOPS001: 'System.IO.File.Delete(string)' is not allowed in scripts", badError, StringComparison.Ordinal);
        Assert.True(goodExit == 0, goodError);
    }

    [Fact]
    public async Task Run_and_check_with_json_print_one_json_value_with_the_output_value_and_diagnostics()
    {
        _home.Write("scripts/report.csx", """
            Print("line one\nline two ");
            Log.LogInformation("logged {N}", 3);
            Posts.Schedule("acme", "Not really", Now.AddDays(1));
            return "é 👋";
            """);
        _home.Write("scripts/bad.csx", "var x = 1;\nPosts.Shedule(\"acme\", \"x\", Now);\n");

        var (exit, output, error) = await Mops("script", "run", "scripts/report.csx", "--json", "--dry-run");
        var (badExit, badOutput, _) = await Mops("script", "run", "scripts/bad.csx", "--json");
        var (checkExit, checkOutput, _) = await Mops("script", "check", "scripts/bad.csx", "--json");

        Assert.True(exit == 0, error);
        var run = JsonDocument.Parse(output).RootElement; // stdout is the JSON value alone: the prints are inside it
        Assert.Equal("Completed", run.GetProperty("outcome").GetString());
        Assert.Equal("é 👋", run.GetProperty("value").GetString());
        Assert.StartsWith("line one\nline two \n[dry run] would schedule on acme at ", run.GetProperty("output").GetString(), StringComparison.Ordinal);
        Assert.Single(run.GetProperty("dryRunActions").EnumerateArray());
        Assert.Contains("[info] logged 3", error, StringComparison.Ordinal);

        Assert.Equal(1, badExit);
        var refused = JsonDocument.Parse(badOutput).RootElement;
        Assert.Equal("Refused", refused.GetProperty("outcome").GetString());
        var diagnostic = refused.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.Equal(("scripts/bad.csx", 2, 7, "error", "CS1061"), (diagnostic.GetProperty("file").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(), diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("id").GetString()));

        Assert.Equal(1, checkExit);
        var check = JsonDocument.Parse(checkOutput).RootElement;
        Assert.False(check.GetProperty("ok").GetBoolean());
        Assert.Equal(1, check.GetProperty("errors").GetInt32());
        Assert.Equal(diagnostic.GetRawText(), check.GetProperty("diagnostics").EnumerateArray().Single().GetRawText());
    }

    [Fact]
    public async Task Check_and_run_refuse_to_load_the_clients_secrets_and_never_print_a_word_of_them()
    {
        // Issue 11: `#load` of the key ring printed the master key, piece by piece, through CS0103 errors.
        using (var store = new Core.Secrets.ClientSecretStore(_home.Root))
        {
            store.Set("sandbox-token", "hunter2-plain-secret");
        }

        var keyFile = Directory.GetFiles(Path.Combine(_home.Root, "secrets", "keys"), "*.xml").Single();
        var masterKey = Regex.Match(File.ReadAllText(keyFile), "<value>(?<key>[^<]+)</value>").Groups["key"].Value;
        var cipherText = JsonDocument.Parse(File.ReadAllText(Path.Combine(_home.Root, "secrets", "secrets.json"))).RootElement.GetProperty("Secrets").GetProperty("sandbox-token").GetString()!;
        var secretWords = masterKey.Split('/', '+', '=').Append(cipherText).Where(w => w.Length >= 8).ToList();
        Assert.NotEmpty(secretWords);
        _home.Write("leak.csx", $"""
            #load "secrets/keys/{Path.GetFileName(keyFile)}"
            #load "Secrets/../secrets/secrets.json"
            #load "{Path.Combine(_home.Root, "mops.json")}"
            Print(1);
            """);
        _home.Write("mops.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } } }\n");

        var (checkExit, checkOut, checkError) = await Mops("script", "check", "leak.csx");
        var (runExit, runOut, runError) = await Mops("script", "run", "leak.csx");

        var printed = string.Concat(checkOut, checkError, runOut, runError);
        Assert.All(secretWords, word => Assert.DoesNotContain(word, printed, StringComparison.Ordinal));
        Assert.DoesNotContain("Warning", printed, StringComparison.Ordinal);
        Assert.Equal((1, 1), (checkExit, runExit));
        foreach (var error in new[] { checkError, runError })
        {
            Assert.Contains($"leak.csx(1,1): error MOPS004: #load refused: '{keyFile}' is in the client folder's secrets/ folder, which scripts may never read", error, StringComparison.Ordinal);
            Assert.Contains("leak.csx(2,1): error MOPS004: #load refused: ", error, StringComparison.Ordinal);
            Assert.Contains("leak.csx(3,1): error MOPS004: #load refused: ", error, StringComparison.Ordinal);
            Assert.Contains("is the client's configuration file mops.json", error, StringComparison.Ordinal);
            Assert.DoesNotContain("CS", error, StringComparison.Ordinal);
        }

    }

    [Fact]
    public async Task A_runaway_script_is_stopped_at_its_timeout_with_a_clear_message()
    {
        _home.Write("scripts/spin.csx", "var n = 0L;\nwhile (true) { n++; }\n");

        var (exit, _, error) = await Mops("script", "run", "scripts/spin.csx", "--timeout", "1s");

        Assert.Equal(1, exit);
        Assert.Contains("scripts/spin.csx(2): error MOPS101: The script ran past its 1 s timeout and was stopped here.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runtime_error_names_the_scripts_line()
    {
        _home.Write("scripts/typo.csx", "// wrong account\nPosts.Schedule(\"acne\", \"x\", Now.AddDays(1));\n");

        var (exit, _, error) = await Mops("script", "run", "scripts/typo.csx");

        Assert.Equal(1, exit);
        Assert.Contains("scripts/typo.csx(2): error MOPS100: System.ArgumentException: No account named 'acne'. Known accounts: acme.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_platforms_refusal_reaches_the_script_as_an_error_at_its_line()
    {
        _home.WriteSandboxPluginsJson("""{ "maxLength": 40 }""", """[ { "name": "acme", "timeZone": "Europe/Berlin" } ]""");
        _home.Write("scripts/long.csx", "var text = new string('x', 41);\nPosts.Schedule(\"acme\", text, Now.AddDays(1));\n");

        var (exit, _, error) = await Mops("script", "run", "scripts/long.csx");
        var (_, listJson, _) = await Mops("post", "list", "--json");

        Assert.Equal(1, exit);
        Assert.Contains("scripts/long.csx(2): error MOPS100: System.ArgumentException: text (", error, StringComparison.Ordinal);
        Assert.Contains("at most 40", error, StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(listJson).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Schedule_list_and_unschedule_keep_scripts_json_and_refuse_bad_input()
    {
        _home.Write("scripts/report.csx", "Print(Posts.List().Count);\n");
        _home.Write("scripts/broken.csx", "Print(nothing);\n");

        var (scheduleExit, _, scheduleError) = await Mops("script", "schedule", "scripts/report.csx", "--cron", "0 0 8 ? * MON", "--tz", "Europe/Berlin", "--name", "weekly", "--", "acme");
        var (_, listed, _) = await Mops("script", "scheduled", "--json");
        var (cronExit, _, cronError) = await Mops("script", "schedule", "scripts/report.csx", "--cron", "every monday");
        var (zoneExit, _, zoneError) = await Mops("script", "schedule", "scripts/report.csx", "--cron", "0 0 8 * * ?", "--tz", "Mars/Base");
        var (brokenExit, _, brokenError) = await Mops("script", "schedule", "scripts/broken.csx", "--cron", "0 0 8 * * ?");
        var (removeExit, _, _) = await Mops("script", "unschedule", "weekly");
        var (missingExit, _, missingError) = await Mops("script", "unschedule", "weekly");

        Assert.True(scheduleExit == 0, scheduleError);
        var entry = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single();
        Assert.Equal(("weekly", "0 0 8 ? * MON", "Europe/Berlin", "acme"), (entry.GetProperty("name").GetString(), entry.GetProperty("cron").GetString(), entry.GetProperty("timeZone").GetString(), entry.GetProperty("args")[0].GetString()));
        // Issue 11: a value that cannot be read is a usage error naming the option, as `post schedule --tz` is.
        Assert.Equal(2, cronExit);
        Assert.Contains("--cron: 'every monday' is not a Quartz cron expression", cronError, StringComparison.Ordinal);
        Assert.Equal(2, zoneExit);
        Assert.Contains("--tz: 'Mars/Base' is not a known IANA time zone", zoneError, StringComparison.Ordinal);
        Assert.DoesNotContain("timeZone", zoneError, StringComparison.Ordinal);
        Assert.Equal(1, brokenExit);
        Assert.Contains("scripts/broken.csx(1,7): error CS0103", brokenError, StringComparison.Ordinal);
        Assert.Equal(0, removeExit);
        Assert.Equal(1, missingExit);
        Assert.Contains("no scheduled script named 'weekly'", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_script_runs_on_its_cron_while_the_host_runs()
    {
        // Its value is longer than a value may be: the run's log line says so, as `mops script run` does.
        _home.Write("scripts/tick.csx", "Posts.Schedule(Args[0], $\"tick {Now:HH:mm:ss.fff}\", Now.AddDays(1));\nnew string('x', 70_000)\n");
        var (scheduleExit, _, scheduleError) = await Mops("script", "schedule", "scripts/tick.csx", "--cron", "0/2 * * * * ?", "--name", "tick", "--", "acme");
        Assert.True(scheduleExit == 0, scheduleError);

        using (var run = MopsProcess.Start(_home.Root, "run"))
        {
            await run.WaitForOutputAsync("Scheduled script tick ran", TimeSpan.FromSeconds(60));
            await run.WaitForOutputAsync("warning MOPS106: The script's value is 70,000 characters long; only its first 65,536 are returned", TimeSpan.FromSeconds(60));
            run.Interrupt();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var (_, listJson, _) = await Mops("post", "list", "--json");
        Assert.Contains(JsonDocument.Parse(listJson).RootElement.EnumerateArray(), p => p.GetProperty("text").GetString()!.StartsWith("tick ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ab_and_bandit_examples_start_real_experiments_whose_posts_the_next_run_finds()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(MopsProcess.RepositoryRoot, "scripts"), "*.csx", SearchOption.AllDirectories))
        {
            _home.Write(Path.Combine("scripts", Path.GetRelativePath(Path.Combine(MopsProcess.RepositoryRoot, "scripts"), file)), File.ReadAllText(file));
        }

        var (firstExit, first, firstError) = await Mops("script", "run", "scripts/ab-two-variants.csx", "--", "acme");
        var (_, listJson, _) = await Mops("experiment", "list", "--json");
        var (secondExit, second, secondError) = await Mops("script", "run", "scripts/ab-two-variants.csx", "--", "acme");
        var (banditExit, bandit, banditError) = await Mops("script", "run", "scripts/bandit-evergreen.csx", "--", "acme");

        Assert.True(firstExit == 0, firstError);
        Assert.Equal(6, first.Split('\n').Count(l => l.Contains("[feature]", StringComparison.Ordinal) || l.Contains("[benefit]", StringComparison.Ordinal)));
        Assert.Equal("spring-launch-wording", JsonDocument.Parse(listJson).RootElement.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.True(secondExit == 0, secondError);
        Assert.Contains("spring-launch-wording: Running", second, StringComparison.Ordinal);
        Assert.EndsWith("no winner yet", second.Trim(), StringComparison.Ordinal);
        Assert.True(banditExit == 0, banditError);
        Assert.Matches(@"Scheduled '(tour|question|customer)' for ", bandit);
    }

    [Fact]
    public async Task Init_editor_writes_the_globals_stub_and_omnisharp_json()
    {
        var (exit, output, error) = await Mops("script", "init-editor", "scripts");

        Assert.True(exit == 0, error);
        Assert.Contains(Path.Combine(_home.Root, "scripts", ".mops", "globals.csx"), output, StringComparison.Ordinal);
        Assert.StartsWith("// mops:editor-globals", File.ReadAllText(Path.Combine(_home.Root, "scripts", ".mops", "globals.csx")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_home.Root, "scripts", "omnisharp.json")));
        Assert.Contains("#load \".mops/globals.csx\"", error, StringComparison.Ordinal);
    }
}
