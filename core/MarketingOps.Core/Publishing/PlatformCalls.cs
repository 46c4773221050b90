using MarketingOps.Sdk;
using Microsoft.Extensions.Options;

namespace MarketingOps.Core.Publishing;

/// <summary>
/// Calls a plugin's publish and lookup under the configured timeouts and turns whatever happens (no answer, an
/// exception) into a result: a plugin's failure never escapes as an exception, and a stopping host stops the call.
/// </summary>
internal sealed class PlatformCalls(IOptionsMonitor<PublishingOptions> options, TimeProvider time)
{
    public Task<PublishResult> PublishAsync(IPlatform platform, PublishRequest request, CancellationToken cancellationToken) =>
        CallAsync(
            ct => platform.PublishAsync(request, ct),
            options.CurrentValue.PublishTimeout,
            why => PublishResult.Failed(new PlatformError(PlatformErrorKind.Ambiguous, why)),
            "no answer within",
            "the plugin failed with",
            cancellationToken);

    public Task<LookupResult> LookupAsync(IPlatform platform, PublishRequest request, CancellationToken cancellationToken) =>
        CallAsync(
            ct => platform.LookupAsync(request, ct),
            options.CurrentValue.LookupTimeout,
            LookupResult.Unknown,
            "the lookup gave no answer within",
            "the lookup failed with",
            cancellationToken);

    public Task<PostUrlMatch> MatchPostUrlAsync(IPlatform platform, string account, Uri url, CancellationToken cancellationToken) =>
        CallAsync(
            ct => platform.MatchPostUrlAsync(account, url, ct),
            options.CurrentValue.LookupTimeout,
            why => PostUrlMatch.Refused($"the plugin could not read the address: {why}"),
            "no answer within",
            "the plugin failed with",
            cancellationToken);

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan timeout, Func<string, T> uncertain, string late, string failed, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await call(linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the post stays Publishing and the next start (or another node) settles it.
            throw;
        }
        catch (OperationCanceledException)
        {
            return uncertain($"{late} {PublishExecutor.Describe(timeout)}");
        }
        catch (Exception ex)
        {
            return uncertain($"{failed} {ex.GetType().Name}: {ex.Message}");
        }
    }
}
