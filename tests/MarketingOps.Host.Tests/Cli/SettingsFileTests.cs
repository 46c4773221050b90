namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// A <c>mops.json</c> that cannot be read is a configuration error naming FILE:LINE:COLUMN, through the real executable
/// (found by a user-view test): a missing brace or a stray comma gave a raw InvalidDataException, no line, exit 1.
/// </summary>
public sealed class SettingsFileTests : IDisposable
{
    private readonly TempFolder _home = new();

    public SettingsFileTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    public static TheoryData<string, string, string[]> Broken => new()
    {
        // The closing brace of the file is missing: the parser reaches the end on line 3.
        { "{\n  \"Storage\": { \"Kind\": \"Sqlite\" }\n", "mops.json:3:1: not valid JSON: the file ends before every [ and { is closed", ["post", "list"] },
        { "{\n  \"Storage\": { \"Kind\": \"Sqlite\" }\n", "mops.json:3:1: not valid JSON: the file ends before every [ and { is closed", ["post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Fresh rye on Saturday"] },
        { "{\n  \"Storage\": { \"Kind\": \"Sqlite\" }\n", "mops.json:3:1: not valid JSON: the file ends before every [ and { is closed", ["run"] },
        { "{\n  \"Storage\": { \"Kind\": \"Sqlite\" }\n", "mops.json:3:1: not valid JSON: the file ends before every [ and { is closed", ["run", "--no-web"] },
        // Two commas in a row: the second is where the parser stops.
        { "{\n  \"Storage\": { \"Kind\": \"Sqlite\",, }\n}\n", "mops.json:2:33: not valid JSON: ',' is an invalid start of a property name", ["guardrails", "check", "--account", "acme", "--text", "Fresh rye on Saturday"] },
        { "[ \"Storage\" ]", "mops.json: $: must be a JSON object", ["post", "list"] },
        { "{ \"Storage\": { \"Kind\": \"Sqlite\", \"kind\": \"Postgres\" } }", "mops.json: $.Storage.kind: given twice; keep one", ["run"] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_settings_file_that_cannot_be_read_is_a_configuration_error_naming_where_and_nothing_starts(string settings, string expected, string[] command)
    {
        _home.Write("mops.json", settings);

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 3, $"exit {exit}: {output}{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("nothing was started", error, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidDataException", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "data")), "a refused command made the store");
    }

    [Theory]
    [InlineData("""{ "Storage": { "BusyTimeout": "soon" } }""", "Storage:BusyTimeout: 'soon' is not a duration; write it as hh:mm:ss (00:00:30)", "post", "list")]
    [InlineData("""{ "Scheduling": { "Clustered": "yes" } }""", "Scheduling:Clustered: 'yes' is not true or false", "run", "--no-web")]
    [InlineData("""{ "Links": { "Tag": "maybe" } }""", "Links:Tag: 'maybe' is not true or false", "post", "schedule", "--account", "acme", "--at", "2099-01-01T10:00:00Z", "--text", "Fresh rye on Saturday")]
    [InlineData("""{ "Guardrails": { "DuplicateWindow": "a week" } }""", "Guardrails:DuplicateWindow: 'a week' is not a duration", "guardrails", "check", "--account", "acme", "--text", "Fresh rye on Saturday")]
    [InlineData("""{ "Web": { "MaxRequestBodyBytes": "lots" } }""", "Web:MaxRequestBodyBytes: 'lots' is not a whole number", "run")]
    public async Task A_value_the_setting_cannot_take_is_a_configuration_error_naming_the_setting_and_what_it_takes(string settings, string expected, params string[] command)
    {
        // The binder's "Failed to convert configuration value 'soon' at 'Storage:BusyTimeout' to type 'System.TimeSpan'", exit 1.
        _home.Write("mops.json", settings);

        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 3, $"exit {exit}: {output}{error}");
        Assert.Contains("configuration problem in mops.json; nothing was started", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home.Root, "data")), "a refused command made the store");
    }

    [Theory]
    [InlineData("MOPS_Storage__BusyTimeout", "soon", "MOPS_Storage__BusyTimeout: 'soon' is not a duration", "post", "list")]
    [InlineData("MOPS_STORAGE__KIND", "Postgres", "MOPS_STORAGE__KIND is Postgres but Storage:ConnectionString is not set", "post", "list")]
    [InlineData("MOPS_Scheduling__MaxConcurrency", "0", "MOPS_Scheduling__MaxConcurrency", "run", "--no-web")]
    public async Task A_value_a_MOPS_variable_gives_is_refused_naming_the_variable_not_the_settings_file(string variable, string value, string expected, params string[] command)
    {
        // mops.json does not mention the setting; the error said "configuration problem in mops.json" all the same.
        _home.Write("mops.json", "{}");

        using var mops = MopsProcess.Start(_home.Root, new Dictionary<string, string> { [variable] = value }, command);
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 3, $"exit {exit}: {mops.StandardOutput}{mops.StandardError}");
        Assert.Contains(" in the environment; nothing was started", mops.StandardError, StringComparison.Ordinal);
        Assert.Contains(expected, mops.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("mops.json", mops.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_problem_of_the_file_and_one_of_a_variable_are_each_named_where_they_were_given()
    {
        _home.Write("mops.json", """{ "Storage": { "BusyTimeout": "-00:00:01" } }""");

        using var mops = MopsProcess.Start(_home.Root, new Dictionary<string, string> { ["MOPS_Storage__Kind"] = "Postgres" }, "post", "list");
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exit == 3, $"exit {exit}: {mops.StandardOutput}{mops.StandardError}");
        Assert.Contains("in mops.json and the environment; nothing was started", mops.StandardError, StringComparison.Ordinal);
        Assert.Contains("Storage:BusyTimeout must be positive", mops.StandardError, StringComparison.Ordinal);
        Assert.Contains("MOPS_Storage__Kind is Postgres", mops.StandardError, StringComparison.Ordinal);
    }
}
