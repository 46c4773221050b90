using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace MarketingOps.Host.Tests.Cli;

/// <summary>One host per client means several hosts on one machine: each folder gets its own port, and a taken port is said in one line.</summary>
public sealed class PortTests : IDisposable
{
    private readonly TempFolder _parent = new();

    public void Dispose() => _parent.Dispose();

    [Fact]
    public async Task Init_writes_a_free_loopback_port_into_mops_json_and_prints_it()
    {
        var (exit, output, error) = await MopsProcess.RunAsync(_parent.Root, "init", "acme", "--platform", "sandbox");

        Assert.True(exit == 0, error);
        var urls = JsonNode.Parse(File.ReadAllText(Path.Combine(_parent.Root, "acme", "mops.json")))!["Web"]!["Urls"]!.GetValue<string>();
        var uri = new Uri(urls);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.InRange(uri.Port, 5100, 5999);
        Assert.Contains($"the API and dashboard on http://127.0.0.1:{uri.Port}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_on_a_port_another_process_holds_stops_in_one_line_naming_the_address_and_the_setting()
    {
        _parent.WriteSandboxPluginsJson();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)holder.LocalEndpoint).Port}";

        using var mops = MopsProcess.Start(_parent.Root, new Dictionary<string, string> { ["MOPS_Web__Urls"] = url }, "run");
        var exit = await mops.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, exit);
        var error = mops.StandardError;
        Assert.Contains($"error: {url} is already in use", error, StringComparison.Ordinal);
        Assert.Contains("\"Web\": { \"Urls\": \"http://127.0.0.1:PORT\" } in " + Path.Combine(_parent.Root, "mops.json"), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
