namespace MarketingOps.Scripting.Protocol;

/// <summary>How the script's own code ended inside the worker.</summary>
internal enum RunEnd
{
    /// <summary>It ran to its end.</summary>
    Completed,

    /// <summary>It threw; see the failure.</summary>
    Failed,

    /// <summary>Its budget ran out and it stopped at a check.</summary>
    TimedOut,

    /// <summary>The host cancelled it and it stopped at a check.</summary>
    Cancelled,

    /// <summary>The image could not be loaded (a damaged cache file).</summary>
    LoadFailed,

    /// <summary>The worker has no image for the key: the host must send it or compile first.</summary>
    NotLoaded,
}
