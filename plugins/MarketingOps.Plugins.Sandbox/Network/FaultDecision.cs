namespace MarketingOps.Plugins.Sandbox.Network;

/// <summary>What the fault injector decided for one publish attempt.</summary>
internal enum FaultDecision
{
    None,
    RateLimited,
    Transient,

    /// <summary>The request timed out before the network applied it.</summary>
    AmbiguousLost,

    /// <summary>The network applied the request but the answer timed out.</summary>
    AmbiguousApplied,
}
