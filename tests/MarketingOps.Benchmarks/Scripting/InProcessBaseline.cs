using MarketingOps.Scripting;
using MarketingOps.Scripting.Caching;
using MarketingOps.Scripting.Compilation;
using MarketingOps.Scripting.Hosting;
using MarketingOps.Scripting.Protocol;
using MarketingOps.Scripting.Running;

namespace MarketingOps.Benchmarks.Scripting;

/// <summary>
/// How mops ran a cached script before issue 11 — read and hash the files, take the loaded script, run it in the host's
/// own process — kept here, in the benchmark only, so the worker path is measured against it in the same run. The
/// product has no way to run a script in process; this exists for the ratio alone.
/// </summary>
internal sealed class InProcessBaseline(ScriptServices services) : IDisposable
{
    private readonly ScriptExecutor _executor = new(8, TimeSpan.FromMinutes(10), TimeProvider.System);

    public void Dispose() => _executor.Dispose();

    /// <summary>One cached run as it was: the image is compiled on first use and then stays loaded.</summary>
    public async Task<string?> RunAsync(string file, CancellationToken cancellationToken)
    {
        var sources = ScriptSources.Load(file, ScriptEnvironment.Default.ParseOptions);
        var key = ScriptCacheKey.Compute(sources, ScriptEnvironment.Default);
        var image = _executor.Holds(key) ? null : ScriptCompiler.Compile(sources, ScriptExecutor.AssemblyName(key), cancellationToken).Image;
        var result = await _executor.RunAsync(key, image, token => new ScriptGlobals(services, [], isDryRun: false, token), TimeSpan.FromMinutes(5), cancellationToken);
        return result.Reply.End == RunEnd.Completed
            ? result.Reply.ReturnValue
            : throw new InvalidOperationException($"the in-process baseline ended {result.Reply.End}: {result.Reply.Failure?.Message}");
    }
}
