using System.Net;
using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Contracts;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>The client's accounts, their platforms, zones and limits, and what they have used and done.</summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("accounts").RequireAuthorization(Policies.Viewer);
        accounts.MapGet("/", (AccountsApp app) => TypedResults.Ok(app.List())).WithName("ListAccounts").WithSummary("Every configured account.");
        accounts.MapGet("/{name}", (string name, AccountsApp app) => TypedResults.Ok(app.Get(name))).WithName("GetAccount").WithSummary("One account.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapGet("/{name}/activity", async (string name, AccountActivityApp app, CancellationToken ct) => TypedResults.Ok(await app.GetAsync(name, ct)))
            .WithName("GetAccountActivity").WithSummary("The account's publish budgets left now and its last published post.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapGet("/connections", async (bool? verify, ConnectionsApp app, CancellationToken ct) => TypedResults.Ok(await app.ListAsync(verify ?? true, ct)))
            .WithName("ListConnections").WithSummary("Each account's connection: state, handle, scopes, token expiry (one cheap call per account unless verify=false).");

        var connect = api.MapGroup("/accounts").WithTags("accounts").RequireAuthorization(Policies.Owner);
        connect.MapPost("/{name}/connect/password", async (string name, PasswordConnectRequest request, ConnectionsApp app, CancellationToken ct) =>
                TypedResults.Ok(await app.ConnectWithPasswordAsync(name, request, ct)))
            .WithName("ConnectWithPassword").WithSummary("Connects an account with a handle and an app password (Bluesky); stored encrypted, never returned.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        connect.MapPost("/{name}/connect/browser", async (string name, HttpRequest request, ConnectionsApp app, CancellationToken ct) =>
                TypedResults.Ok(await app.BeginAsync(name, ConnectionsApp.CallbackFor(request), ct)))
            .WithName("StartBrowserConnect").WithSummary("Starts an OAuth 2.0 sign-in with PKCE (X, Mastodon): open the returned URL; the platform returns to the host's callback.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        // The platform sends the browser here; the state (unguessable, single use, ten minutes) is what authorizes it.
        api.MapGet(ConnectionsApp.CallbackPath, async (HttpRequest request, ConnectionsApp app, CancellationToken ct) =>
            {
                var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
                var (connected, message) = await app.CompleteAsync(query, ct);
                var page = $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>mops</title></head><body><p>{WebUtility.HtmlEncode(message)}</p><p><a href=\"/plugins\">Back to the accounts</a></p></body></html>";
                return TypedResults.Content(page, "text/html; charset=utf-8", statusCode: connected ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
            })
            .AllowAnonymous().WithTags("accounts").WithName("ConnectCallback").WithSummary("Where the platform returns the browser after a sign-in started with StartBrowserConnect.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces<string>(StatusCodes.Status400BadRequest, "text/html");
    }
}
