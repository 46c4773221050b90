using MarketingOps.Sdk;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Publishing;

/// <summary>
/// Calls a plugin's publish and lookup under the configured timeouts and turns whatever happens (no answer, an
/// exception) into a result: a plugin's failure never escapes as an exception, and a stopping host stops the call.
/// </summary>
internal sealed class PlatformCalls(IOptionsMonitor<PublishingOptions> options, TimeProvider time)
{
    public async Task<PublishResult> PublishAsync(IPlatform platform, PublishRequest request, CancellationToken cancellationToken)
    {
        var timeout = options.CurrentValue.PublishTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await platform.PublishAsync(request, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the post stays Publishing and the next start (or another node) settles it.
            throw;
        }
        catch (OperationCanceledException)
        {
            return PublishResult.Failed(new PlatformError(PlatformErrorKind.Ambiguous, $"no answer within {PublishExecutor.Describe(timeout)}"));
        }
        catch (Exception ex)
        {
            return PublishResult.Failed(new PlatformError(PlatformErrorKind.Ambiguous, $"the plugin failed with {ex.GetType().Name}: {ex.Message}"));
        }
    }

    public async Task<LookupResult> LookupAsync(IPlatform platform, PublishRequest request, CancellationToken cancellationToken)
    {
        var timeout = options.CurrentValue.LookupTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await platform.LookupAsync(request, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return LookupResult.Unknown($"the lookup gave no answer within {PublishExecutor.Describe(timeout)}");
        }
        catch (Exception ex)
        {
            return LookupResult.Unknown($"the lookup failed with {ex.GetType().Name}: {ex.Message}");
        }
    }
}
