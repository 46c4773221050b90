namespace MarketingOps.Core.Publishing.Retries;

/// <summary>Why the outcome of a publish is uncertain; it decides whether settling it spends one of the post's retries.</summary>
internal enum UncertainCause
{
    /// <summary>The platform answered with a timeout or an error after the request may have arrived: spends a retry.</summary>
    PlatformAnswer,

    /// <summary>The host died or lost its claim mid-call: not the platform's answer, so no retry is spent.</summary>
    Interrupted,

    /// <summary>An earlier attempt may have landed and the key no longer protects a repeat: look it up, never repeat.</summary>
    EarlierAttempt,
}
