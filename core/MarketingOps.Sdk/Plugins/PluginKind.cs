namespace MarketingOps.Sdk;

/// <summary>What a plugin contributes to the host.</summary>
public enum PluginKind
{
    /// <summary>A social network the host publishes to.</summary>
    Platform,

    /// <summary>Recurring work the host runs on a schedule.</summary>
    Workflow,
}
