using MarketingOps.Scripting.Tests.Support;

namespace MarketingOps.Host.Tests.Commands.Scripts;

/// <summary>A worker never outlives its host: killed outright mid-run, mops leaves no script process behind, nor a worker's folder.</summary>
public sealed class WorkersOutliveNoHostTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly TempFolder _home = new();

    public WorkersOutliveNoHostTests()
    {
        _home.WriteSandboxPluginsJson("{}", """[ { "name": "acme", "timeZone": "UTC" } ]""");
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task A_worker_exits_when_mops_is_killed_in_the_middle_of_its_run()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test reads /proc");
        _home.Write("scripts/endless.csx", "Print(\"running\");\nvar n = 0L;\nwhile (true) { n++; }\n");
        using var mops = MopsProcess.Start(_home.Root, "script", "run", "scripts/endless.csx", "--timeout", "10m");
        await mops.WaitForOutputAsync("running", Patience);
        var workers = ProcFs.WorkersOf(mops.Id);
        Assert.NotEmpty(workers);
        var folders = workers.Select(ProcFs.WorkingFolder).OfType<string>().ToList();
        Assert.NotEmpty(folders);

        mops.KillAlone(); // mops alone, as SIGKILL or a crash would: nothing of it runs to tidy up

        try
        {
            foreach (var pid in workers)
            {
                await ProcFs.WaitForExitAsync(pid, Patience);
            }
        }
        finally
        {
            // A failed run leaves no orphan spinning on the machine; a number in the list is a worker's only while it
            // still works in that worker's folder (numbers are reused).
            foreach (var pid in workers.Where(p => ProcFs.IsAlive(p) && ProcFs.WorkingFolder(p) is { } folder && folders.Contains(folder)))
            {
                try
                {
                    using var orphan = System.Diagnostics.Process.GetProcessById(pid);
                    orphan.Kill();
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                {
                    // Gone meanwhile.
                }
            }
        }

        Assert.True(mops.HasExited);
        Assert.All(folders, f => Assert.False(Directory.Exists(f), $"the worker's folder {f} was left behind"));
    }
}
