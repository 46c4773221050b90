namespace MarketingOps.Sdk.Testing.Tests;

/// <summary>The reference plugin without defects passes every check: the kit does not fail good plugins.</summary>
public sealed class ReferencePluginConformanceTests : PlatformConformanceTests
{
    protected override PlatformUnderTest CreatePlatformUnderTest() => ReferencePluginBuilder.UnderTest(defect: null);
}
