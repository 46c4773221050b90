using System.Diagnostics;

namespace MarketingOps.Host.Tests.Commands.Secrets;

public sealed class SecretsCommandsTests : IDisposable
{
    private const string Canary = "canary-7f3a9c1e-do-not-print";
    private readonly TempFolder _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task A_secret_set_from_piped_input_is_listed_by_name_and_stored_encrypted()
    {
        var (exit, output, error) = await SetAsync("x/acme/access-token", Canary);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain(Canary, output + error, StringComparison.Ordinal);

        var list = await MopsProcess.RunAsync(_home.Root, "secrets", "list", "--json");

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("x/acme/access-token", list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, list.Out + list.Err, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_home.Root, "secrets"), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Canary, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Removing_an_unknown_secret_is_a_clear_error()
    {
        var (exit, _, error) = await MopsProcess.RunAsync(_home.Root, "secrets", "remove", "x/acme/nothing");

        Assert.Equal(1, exit);
        Assert.Contains("no secret named \"x/acme/nothing\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_secret_name_is_refused_before_reading_a_value()
    {
        var (exit, _, error) = await SetAsync("bad name with spaces", Canary);

        Assert.Equal(1, exit);
        Assert.Contains("secret name", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home.Root, "secrets", "secrets.json")));
    }

    private async Task<(int ExitCode, string Out, string Err)> SetAsync(string name, string value)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _home.Root };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "mops.dll"), "secrets", "set", name })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteLineAsync(value);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
