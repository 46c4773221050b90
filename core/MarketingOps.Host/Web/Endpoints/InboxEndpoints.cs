using MarketingOps.Core.Inbox;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>The approval inbox: list, show, approve (optionally edited) and reject, each decision guarded by <c>If-Match</c>.</summary>
internal static class InboxEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("inbox");
        inbox.MapGet("/", async (InboxItemStatus? status, InboxApp app, CancellationToken ct) => TypedResults.Ok(await app.ListAsync(status, ct)))
            .RequireAuthorization(Policies.Viewer).WithName("ListInbox").WithSummary("Inbox items, oldest first; all of them unless a status is given.");
        inbox.MapGet("/{id}", async (string id, HttpContext context, InboxApp app, CancellationToken ct) =>
            {
                var item = await app.GetAsync(id, ct);
                context.Response.Headers.ETag = item.ETag;
                return TypedResults.Ok(item);
            })
            .RequireAuthorization(Policies.Viewer).WithName("GetInboxItem").WithSummary("One item; its ETag guards a decision.").ProducesProblem(StatusCodes.Status404NotFound);
        inbox.MapPost("/{id}/approve", async Task<Ok<InboxDecisionView>> (string id, ApproveRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, InboxApp app, CancellationToken ct) =>
            {
                if (request.Edits is not null && (request.Edit is not null || request.Part is not null))
                {
                    throw ApiProblemException.Invalid("$.edits", "gives every edited part its text; send it instead of edit and part, not with them.");
                }

                for (var i = 0; i < (request.Edits?.Count ?? 0); i++)
                {
                    if (request.Edits![i]?.Text is null)
                    {
                        throw ApiProblemException.Invalid($"$.edits[{i}].text", "is missing: each edit gives a part and its text.");
                    }
                }

                var (item, published) = request.Edits is { } edits
                    ? await app.ApproveAsync(Caller.Of(context), id, [.. edits.Select(e => new PartEdit(e.Part, e.Text))], ifMatch, ct)
                    : await app.ApproveAsync(Caller.Of(context), id, request.Edit, request.Part, ifMatch, ct);
                context.Response.Headers.ETag = item.ETag;
                return TypedResults.Ok(new InboxDecisionView(item, published));
            })
            .RequireAuthorization(Policies.Approver).WithName("ApproveInboxItem")
            .WithSummary("Approves an item, with edited text when given (for a held thread, with the part it replaces, or several parts at once in edits); the guardrails check it again, every part of a thread, and a refusal leaves it pending (published: false).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status404NotFound);
        inbox.MapPost("/{id}/reject", async (string id, RejectRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext context, InboxApp app, CancellationToken ct) =>
            {
                var item = await app.RejectAsync(Caller.Of(context), id, request.Reason, ifMatch, ct);
                context.Response.Headers.ETag = item.ETag;
                return TypedResults.Ok(item);
            })
            .RequireAuthorization(Policies.Approver).WithName("RejectInboxItem").WithSummary("Rejects an item with a reason; a held post is discarded, a held thread with all its parts.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status404NotFound);
    }
}
