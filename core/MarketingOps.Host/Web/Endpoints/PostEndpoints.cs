using MarketingOps.Core.Posts;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>Posts: schedule (with <c>Idempotency-Key</c>), list with filters and cursor paging, show with history, cancel, retry, resolve (with <c>If-Match</c>).</summary>
internal static class PostEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("posts");
        posts.MapGet("/", ListAsync).RequireAuthorization(Policies.Viewer).WithName("ListPosts")
            .WithSummary("Posts ordered by due time, filtered; follow nextCursor for the next page.").ProducesValidationProblem();
        posts.MapPost("/", ScheduleAsync).RequireAuthorization(Policies.Editor).WithName("SchedulePost")
            .WithSummary("Schedules a post, reply or direct message with the same parsing and guardrail verdicts as `mops post schedule`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict);
        posts.MapPost("/batch", async (BatchRequest request, HttpContext context, PostsApp app, CancellationToken ct) =>
                TypedResults.Created("/api/v1/posts", new BatchScheduled(await app.ScheduleAllAsync(Caller.Of(context), request.Posts, ct))))
            .RequireAuthorization(Policies.Editor).WithName("SchedulePosts")
            .WithSummary("Schedules many posts in one call, as `mops post import`: all checked first, then all stored, or none with every problem keyed by its post ($.posts[3].at).")
            .ProducesValidationProblem();
        posts.MapGet("/{id}", GetAsync).RequireAuthorization(Policies.Viewer).WithName("GetPost")
            .WithSummary("A post with every recorded change; the ETag header guards later changes.").ProducesProblem(StatusCodes.Status404NotFound);
        posts.MapPost("/{id}/cancel", (string id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, PostsApp app, CancellationToken ct) =>
                Changed(context, app.CancelAsync(Caller.Of(context), id, ifMatch, ct)))
            .RequireAuthorization(Policies.Editor).WithName("CancelPost").WithSummary("Withdraws a post that has not been published.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status404NotFound);
        posts.MapPost("/{id}/retry", (string id, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, PostsApp app, CancellationToken ct) =>
                Changed(context, app.RetryAsync(Caller.Of(context), id, ifMatch, ct)))
            .RequireAuthorization(Policies.Editor).WithName("RetryPost").WithSummary("Schedules a failed post again, now, if the guardrails still let it go.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        posts.MapPost("/{id}/resolve", (string id, ResolveRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, PostsApp app, CancellationToken ct) =>
                Changed(context, app.ResolveAsync(Caller.Of(context), id, request.PublishedUrl, request.NotPublished, ifMatch, ct)))
            .RequireAuthorization(Policies.Editor).WithName("ResolvePost").WithSummary("Records what a person found for an unconfirmed post.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Ok<PostPage>> ListAsync(
        PostState? state,
        string? account,
        string? experiment,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? limit,
        string? cursor,
        PostsApp app,
        CancellationToken ct) =>
        TypedResults.Ok(await app.ListAsync(new PostFilter
        {
            State = state,
            Account = account,
            ExperimentId = experiment,
            DueFrom = from,
            DueBefore = to,
            Limit = InputChecks.Limit(limit, 50),
            Cursor = cursor,
        }, ct));

    private static async Task<Results<Created<ScheduleOutcome>, Ok<ScheduleOutcome>>> ScheduleAsync(
        ScheduleCommand request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context,
        PostsApp app,
        CancellationToken ct)
    {
        var outcome = await app.ScheduleAsync(Caller.Of(context), request, idempotencyKey, ct);
        context.Response.Headers.ETag = outcome.Post.ETag;
        if (outcome.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(outcome);
        }

        return TypedResults.Created($"/api/v1/posts/{outcome.Post.Id}", outcome);
    }

    private static async Task<Ok<PostDetailsView>> GetAsync(string id, HttpContext context, PostsApp app, CancellationToken ct)
    {
        var details = await app.GetAsync(id, ct);
        context.Response.Headers.ETag = details.Post.ETag;
        return TypedResults.Ok(details);
    }

    private static async Task<Ok<PostView>> Changed(HttpContext context, Task<PostView> change)
    {
        var post = await change;
        context.Response.Headers.ETag = post.ETag;
        return TypedResults.Ok(post);
    }
}
