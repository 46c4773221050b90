namespace MarketingOps.Host.Tests.Cli;

/// <summary>
/// A number option given something else is refused naming the option and what it takes, through the real executable:
/// Spectre said "Failed to convert 'x' to Int32." and, for an optional number, "to Nullable`1." (found beside the
/// enum options' fault of the user-view test).
/// </summary>
public sealed class NumberOptionTests : IDisposable
{
    private readonly TempFolder _home = new();

    public NumberOptionTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    [Theory]
    [InlineData("--limit: 'x' is not a whole number", "post", "list", "--limit", "x")]
    [InlineData("--limit: 'x' is not a whole number", "post", "list", "--limit=x")]
    [InlineData("--part: 'two' is not a whole number", "inbox", "approve", "0123456789abcdef", "--part", "two")]
    [InlineData("--expires-in-days: 'soon' is not a whole number", "tokens", "create", "--name", "zapier", "--role", "editor", "--expires-in-days", "soon")]
    [InlineData("--limit: '99999999999' is not a whole number from -2147483648 to 2147483647", "links", "list", "--limit", "99999999999")]
    public async Task A_value_that_is_not_a_number_is_a_usage_error_naming_the_option(string expected, params string[] command)
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_home.Root, command);

        Assert.True(exit == 2, $"exit {exit}: {output}{error}");
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", error, StringComparison.Ordinal);
    }
}
