using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>Users and personal API tokens, for owners; the same service as <c>mops users</c> and <c>mops tokens</c>.</summary>
internal static class AccessEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("users").RequireAuthorization(Policies.Owner);
        users.MapGet("/", async (AccessApp app, CancellationToken ct) => TypedResults.Ok(await app.ListUsersAsync(ct))).WithName("ListUsers").WithSummary("Every user and their role.");
        users.MapPost("/", async (AddUserRequest request, AccessApp app, CancellationToken ct) =>
            {
                var (user, generated) = await app.AddUserAsync(request.Name, request.Role, request.Password, ct);
                return TypedResults.Created($"/api/v1/users/{user.Name}", new UserCreated(user, generated));
            })
            .WithName("AddUser").WithSummary("Adds a user (owner, editor, approver or viewer).").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapDelete("/{name}", async (string name, AccessApp app, CancellationToken ct) => TypedResults.Ok(await app.RemoveUserAsync(name, ct)))
            .WithName("RemoveUser").WithSummary("Removes a user and revokes their tokens; the last owner stays.").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{name}/password", async (string name, ResetPasswordRequest request, AccessApp app, CancellationToken ct) =>
            {
                var (user, generated) = await app.ResetPasswordAsync(name, request.Password, ct);
                return TypedResults.Ok(new UserCreated(user, generated));
            })
            .WithName("ResetPassword").WithSummary("Sets a new password, ends the lockout and every session.").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var tokens = api.MapGroup("/tokens").WithTags("tokens").RequireAuthorization(Policies.Owner);
        tokens.MapGet("/", async (AccessApp app, CancellationToken ct) => TypedResults.Ok(await app.ListTokensAsync(ct))).WithName("ListTokens").WithSummary("Every token with its last use; never a secret.");
        tokens.MapPost("/", async (CreateTokenRequest request, AccessApp app, CancellationToken ct) =>
            {
                var created = await app.CreateTokenAsync(request.Name, request.Role, request.User, request.ExpiresInDays, ct);
                return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
            })
            .WithName("CreateToken").WithSummary("Creates a token; its value is in this response only.").ProducesValidationProblem();
        tokens.MapDelete("/{id}", async (string id, AccessApp app, CancellationToken ct) => TypedResults.Ok(await app.RevokeTokenAsync(id, ct)))
            .WithName("RevokeToken").WithSummary("Revokes a token by id (or by its name when one active token has it).").ProducesProblem(StatusCodes.Status404NotFound);
    }
}
