using MarketingOps.Core.Access;

namespace MarketingOps.Host.Application;

/// <summary>A user as shown to owners: never the password hash or security stamp.</summary>
internal sealed record UserView(string Name, UserRole Role, DateTimeOffset CreatedAt, DateTimeOffset? LockedUntil)
{
    public static UserView From(MopsUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserView(user.Name, user.Role, user.CreatedAt, user.LockoutUntil);
    }
}
