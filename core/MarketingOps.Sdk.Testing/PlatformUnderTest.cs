namespace MarketingOps.Sdk.Testing;

/// <summary>The plugin the conformance tests load, and how to point it at the network it talks to during the tests.</summary>
/// <param name="PluginFolder">The plugin's build output: the folder holding <c>plugin.json</c> and the entry assembly.</param>
public sealed record PlatformUnderTest(string PluginFolder)
{
    /// <summary>The account the tests publish from. The default value is <c>conformance</c>.</summary>
    public string Account { get; init; } = "conformance";

    /// <summary>The plugin's <c>settings</c> object, as JSON (usually the URL of your fake server). The default value is <c>{}</c>.</summary>
    public string SettingsJson { get; init; } = "{}";

    /// <summary>The account's <c>settings</c> object, as JSON. The default value is <c>{}</c>.</summary>
    public string AccountSettingsJson { get; init; } = "{}";

    /// <summary>Secrets by name; every value is also a canary that must never appear in a log line, an exception message or a result.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// For a plugin that makes no HTTP requests through <c>IPluginRegistrar.CreateHttpMessageHandler</c> (an in-process
    /// network such as the sandbox): settings JSON that make its own network lose the answer to a publish it applied.
    /// The default value is none: faults are injected by the kit's HTTP handler.
    /// </summary>
    public string? LostAnswerSettingsJson { get; init; }

    /// <summary>
    /// The HTTP request that creates a post, as "METHOD /path" (for example <c>POST /api/v1/statuses</c>): where the kit
    /// loses an answer to test ambiguity. The default value is null: the last write request of one clean publish, which
    /// is right unless your plugin writes something else after creating the post.
    /// </summary>
    public string? PostCreatingRequest { get; init; }

    /// <summary>Whether a post's counters can be read right after it is published. The default value is true.</summary>
    public bool MetricsRightAfterPublish { get; init; } = true;
}
