using MarketingOps.Core.Publishing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace MarketingOps.Core.Scheduling;

/// <summary>The host-owned job that publishes one post; its data is the post id and nothing else.</summary>
[DisallowConcurrentExecution]
internal sealed class PublishJob : IJob
{
    public const string PostIdKey = "postId";

    private readonly PublishExecutor _executor;
    private readonly ILogger<PublishJob> _logger;

    public PublishJob(PublishExecutor executor, ILogger<PublishJob> logger)
    {
        _executor = executor;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (context.MergedJobDataMap.TryGetValue(PostIdKey, out var value) is false || value is not string postId)
        {
            _logger.LogError("Publish job {JobKey} carries no post id; ignoring it", context.JobDetail.Key);
            return;
        }

        try
        {
            await _executor.ExecuteAsync(postId, context.Recovering, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the post keeps its state and the next start picks it up.
        }
        catch (Exception ex)
        {
            // Never let one post's failure escape into the scheduler; the post stays visible in its state.
            _logger.LogError(ex, "Publishing post {PostId} failed unexpectedly; it keeps its current state and is looked at again on the next start", postId);
            await _executor.RetryLaterAfterErrorAsync(postId, cancellationToken);
        }
    }
}
