namespace MarketingOps.Host.Hosting;

/// <summary>How a command wants its host: which client folder, how chatty, and whether rebuilt plugins are reloaded.</summary>
internal sealed record MopsHostOptions(ClientFolder Folder)
{
    /// <summary>Debug logging on the console. The default value is false.</summary>
    public bool Verbose { get; init; }

    /// <summary>The lowest level written to the console (stderr) when not verbose. The default value is Warning.</summary>
    public Serilog.Events.LogEventLevel ConsoleLevel { get; init; } = Serilog.Events.LogEventLevel.Warning;

    /// <summary>Reload a plugin when its assembly is rebuilt. The default value is false.</summary>
    public bool WatchPlugins { get; init; }

    /// <summary>Settings laid over <c>mops.json</c> and the environment (tests and command-line switches). The default value is none.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The host's clock. The default value is the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
