using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Experiments.Publishing;

/// <summary>The publishing port over <see cref="PostService"/> and the post store: experiment posts are ordinary posts with an experiment id and a variant.</summary>
internal sealed class PostServicePublisher(PostService posts, IPostStore store) : IExperimentPublisher
{
    public async Task<ScheduleOutcome> ScheduleAsync(ExperimentPostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var scheduled = await posts.ScheduleAsync(ToScheduleRequest(request), cancellationToken);
            return ScheduleOutcome.Scheduled(scheduled.Post.Id);
        }
        catch (PostRequestException ex)
        {
            // Worded without the CLI's options: the experiment's author typed none of them.
            return ScheduleOutcome.Refused(string.Join(" ", ex.Details.Count > 0 ? ex.Details.Select(d => d.Message) : ex.Problems));
        }
    }

    public Task<IReadOnlyList<PostCheck>> CheckAsync(IReadOnlyList<ExperimentPostRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return posts.CheckAsync([.. requests.Select(ToScheduleRequest)], cancellationToken);
    }

    private static ScheduleRequest ToScheduleRequest(ExperimentPostRequest request) =>
        new(request.Account, request.At.ToString("O", CultureInfo.InvariantCulture), request.Text)
        {
            Media = request.Media,
            ExperimentId = request.ExperimentId,
            Variant = request.Variant,
            Source = request.Source,
            Campaign = request.Campaign,
        };

    public async Task<IReadOnlyList<PublicationStatus>> GetStatusAsync(IReadOnlyList<string> postIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postIds);
        var result = new List<PublicationStatus>(postIds.Count);
        foreach (var id in postIds)
        {
            var post = await store.GetAsync(id, cancellationToken);
            if (post is null)
            {
                result.Add(new PublicationStatus(id, PublicationState.Failed, Detail: "the post is no longer in the post store"));
                continue;
            }

            switch (post.State)
            {
                case PostState.Published:
                    // The transition's time is when the platform confirmed it; the first attempt is the fallback.
                    var history = await store.GetHistoryAsync(id, cancellationToken);
                    var at = history.LastOrDefault(t => t.To == PostState.Published)?.At ?? post.FirstAttemptAt ?? post.UpdatedAt;
                    result.Add(new PublicationStatus(id, PublicationState.Published, post.PlatformPostId, at));
                    break;
                case PostState.Cancelled:
                    var cancelled = (await store.GetHistoryAsync(id, cancellationToken)).LastOrDefault(t => t.To == PostState.Cancelled);
                    result.Add(new PublicationStatus(id, PublicationState.Cancelled, Detail: cancelled?.Reason ?? "cancelled"));
                    break;
                case PostState.Failed or PostState.Missed:
                    result.Add(new PublicationStatus(id, PublicationState.Failed, Detail: $"{post.State}: {post.LastError}"));
                    break;
                default:
                    result.Add(new PublicationStatus(id, PublicationState.Pending));
                    break;
            }
        }

        return result;
    }

    public async Task<bool> CancelAsync(string postId, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await posts.CancelAsync(postId, reason, cancellationToken);
            return true;
        }
        catch (PostRequestException)
        {
            return false;
        }
    }
}
