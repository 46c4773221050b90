using MarketingOps.Host.Application;
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
    }
}
