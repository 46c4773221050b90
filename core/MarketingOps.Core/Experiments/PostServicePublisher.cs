using System.Globalization;
using MarketingOps.Core.Posts;
using MarketingOps.Core.Storage;

namespace MarketingOps.Core.Experiments;

/// <summary>The publishing port over <see cref="PostService"/> and the post store: experiment posts are ordinary posts with an experiment id and a variant.</summary>
internal sealed class PostServicePublisher(PostService posts, IPostStore store) : IExperimentPublisher
{
    public async Task<ScheduleOutcome> ScheduleAsync(ExperimentPostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var scheduled = await posts.ScheduleAsync(
                new ScheduleRequest(request.Account, request.At.ToString("O", CultureInfo.InvariantCulture), request.Text)
                {
                    Media = request.Media,
                    ExperimentId = request.ExperimentId,
                    Variant = request.Variant,
                    Source = request.Source,
                },
                cancellationToken);
            return ScheduleOutcome.Scheduled(scheduled.Post.Id);
        }
        catch (PostRequestException ex)
        {
            return ScheduleOutcome.Refused(string.Join(" ", ex.Problems));
        }
    }

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
                case PostState.Failed or PostState.Cancelled or PostState.Missed:
                    result.Add(new PublicationStatus(id, PublicationState.Failed, Detail: $"{post.State}: {post.LastError}"));
                    break;
                default:
                    result.Add(new PublicationStatus(id, PublicationState.Pending));
                    break;
            }
        }

        return result;
    }

    public async Task<bool> CancelAsync(string postId, CancellationToken cancellationToken)
    {
        try
        {
            await posts.CancelAsync(postId, cancellationToken);
            return true;
        }
        catch (PostRequestException)
        {
            return false;
        }
    }
}
