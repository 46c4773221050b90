using System.Security.Claims;
using MarketingOps.Core.Access;
using MarketingOps.Host.Application;

namespace MarketingOps.Host.Web.Security;

/// <summary>The claims a signed-in user or token carries, and the <see cref="Actor"/> read back from them.</summary>
internal static class MopsClaims
{
    public const string UserId = "mops:user";
    public const string Role = "mops:role";
    public const string Token = "mops:token";
    public const string TokenId = "mops:token-id";
    public const string Stamp = "mops:stamp";

    public static ClaimsPrincipal ForUser(MopsUser user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(UserId, user.Id),
            new(Role, AccessService.Describe(user.Role)),
            new(Stamp, user.SecurityStamp),
        };
        claims.AddRange(Policies.ClaimsFor(user.Role).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal ForToken(ApiToken token, MopsUser? user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(token);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user?.Name ?? $"token {token.Name}"),
            new(Role, AccessService.Describe(token.Role)),
            new(Token, token.Name),
            new(TokenId, token.Id),
        };
        if (user is not null)
        {
            claims.Add(new Claim(UserId, user.Id));
        }

        claims.AddRange(Policies.ClaimsFor(token.Role).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The caller of an authenticated request.</summary>
    public static Actor ActorOf(ClaimsPrincipal principal, string channel)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.Identity?.Name ?? throw new InvalidOperationException("The request is not authenticated.");
        var role = AccessService.ParseRole(principal.FindFirstValue(Role));
        return new Actor(name, role, channel, principal.FindFirstValue(Token));
    }
}
