using Polly.Timeout;

namespace MarketingOps.Plugins.Shared;

/// <summary>Tells network and timeout failures (reported as platform errors) from bugs (which propagate).</summary>
internal static class NetworkFailure
{
    /// <summary>Whether an exception is a network or timeout failure; a cancellation the caller asked for is neither.</summary>
    public static bool Is(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException or TimeoutRejectedException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>"timed out" or "failed", for the error message.</summary>
    public static string Describe(Exception exception) =>
        exception is TimeoutRejectedException or OperationCanceledException ? "timed out" : "failed";
}
