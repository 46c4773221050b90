namespace MarketingOps.Packaging.Tests;

/// <summary>One `dotnet tool install` at a time into the shared tool path.</summary>
internal static class ToolInstall
{
    public static SemaphoreSlim Gate { get; } = new(1, 1);
}
