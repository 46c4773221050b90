using MarketingOps.Scripting.Workers;

namespace MarketingOps.Scripting.Running;

/// <summary>How scripts are compiled and run.</summary>
internal sealed class ScriptRunnerOptions
{
    /// <summary>Where compiled scripts are cached (the client's <c>cache/scripts</c>); null disables the cache. The default value is null.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>
    /// The client folder, whose <c>secrets/</c>, <c>data/</c> and configuration files no script file may be; a folder above
    /// the script holding <c>plugins.json</c> or <c>mops.json</c> counts as one too. The default value is null.
    /// </summary>
    public string? ClientFolder { get; set; }

    /// <summary>How long a run may take when the caller gives no timeout. The default value is 5 minutes.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The worker processes scripts compile and run in. The default value is the defaults of <see cref="ScriptWorkerOptions"/>.</summary>
    public ScriptWorkerOptions Workers { get; set; } = new();
}
