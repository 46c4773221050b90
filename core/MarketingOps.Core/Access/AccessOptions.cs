namespace MarketingOps.Core.Access;

/// <summary>Sign-in rules (configuration section <c>Access</c>).</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// <summary>Failed sign-ins in a row that lock a user out. The default value is 5.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a lockout lasts. The default value is 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest password accepted. The default value is 12.</summary>
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>A token's last-used time is written at most this often, so reads stay reads. The default value is 1 minute.</summary>
    public TimeSpan LastUsedResolution { get; set; } = TimeSpan.FromMinutes(1);
}
