using MarketingOps.Host.Application;
using Microsoft.AspNetCore.Http;

namespace MarketingOps.Host.Dashboard;

/// <summary>
/// The time zone a person views the dashboard in: the one they ask for (kept in a cookie), else the one they chose
/// before, else the first account's, else UTC.
/// </summary>
internal static class ViewerZone
{
    public const string Cookie = "mops.tz";

    public static TimeZoneInfo Resolve(HttpContext context, string? asked, IReadOnlyList<AccountView> accounts, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        problem = null;
        if (!string.IsNullOrWhiteSpace(asked))
        {
            if (Find(asked) is { } zone)
            {
                context.Response.Cookies.Append(Cookie, zone.Id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365) });
                return zone;
            }

            problem = $"'{asked}' is not a time zone this host knows; use an IANA name such as Europe/Berlin or America/New_York.";
        }

        return Find(context.Request.Cookies[Cookie]) ?? (accounts.Count > 0 ? Find(accounts[0].TimeZone) : null) ?? TimeZoneInfo.Utc;
    }

    private static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
