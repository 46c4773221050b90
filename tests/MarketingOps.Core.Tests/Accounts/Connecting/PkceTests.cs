using MarketingOps.Core.Accounts.Connecting;

namespace MarketingOps.Core.Tests.Accounts.Connecting;

public sealed class PkceTests
{
    [Fact]
    public void Challenge_OfTheRfc7636AppendixBVerifier_IsTheRfcsValue() =>
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));

    [Fact]
    public void NewVerifier_Is43UnreservedCharacters_AndNeverRepeats()
    {
        var verifiers = Enumerable.Range(0, 100).Select(_ => Pkce.NewVerifier()).ToList();

        Assert.All(verifiers, v => Assert.Matches("^[A-Za-z0-9_-]{43}$", v));
        Assert.Equal(100, verifiers.Distinct().Count());
    }

    [Theory]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "abd", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("abc", null, false)]
    public void SameState_ComparesWholeValues(string expected, string? returned, bool same) => Assert.Equal(same, Pkce.SameState(expected, returned));
}
