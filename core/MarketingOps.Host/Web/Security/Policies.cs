using MarketingOps.Core.Access;

namespace MarketingOps.Host.Web.Security;

/// <summary>The authorization policies: one per role, each admitting that role and every higher one.</summary>
internal static class Policies
{
    public const string Viewer = "role:viewer";
    public const string Approver = "role:approver";
    public const string Editor = "role:editor";
    public const string Owner = "role:owner";

    public static string For(UserRole role) => role switch
    {
        UserRole.Viewer => Viewer,
        UserRole.Approver => Approver,
        UserRole.Editor => Editor,
        UserRole.Owner => Owner,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The role a policy name stands for, or null for a name that is not one of ours.</summary>
    public static UserRole? RoleOf(string? policy) => policy switch
    {
        Viewer => UserRole.Viewer,
        Approver => UserRole.Approver,
        Editor => UserRole.Editor,
        Owner => UserRole.Owner,
        _ => null,
    };

    /// <summary>The role claim values of a caller with <paramref name="role"/>: the role and every lower one.</summary>
    public static IEnumerable<string> ClaimsFor(UserRole role) =>
        Enum.GetValues<UserRole>().Where(r => r <= role).Select(AccessService.Describe);
}
