using MarketingOps.Host.Application;
using MarketingOps.Host.Web.Security;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Web.Endpoints;

/// <summary>The <see cref="Actor"/> of an authenticated API request.</summary>
internal static class Caller
{
    public static Actor Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MopsClaims.ActorOf(context.User, "api");
    }
}
