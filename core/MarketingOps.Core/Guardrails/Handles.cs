namespace MarketingOps.Core.Guardrails;

/// <summary>Handles compare without case and without a leading @.</summary>
internal static class Handles
{
    public static string Normalize(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return handle.Trim().TrimStart('@').ToLowerInvariant();
    }

    public static string? NormalizeOrNull(string? handle) => string.IsNullOrWhiteSpace(handle) ? null : Normalize(handle);
}
