namespace MarketingOps.Plugins.X.Text;

/// <summary>Code points from <paramref name="Start"/> to <paramref name="End"/> (inclusive) weigh <paramref name="Weight"/>.</summary>
internal sealed record TwitterTextWeightedRange(int Start, int End, int Weight)
{
    public bool Contains(int codePoint) => codePoint >= Start && codePoint <= End;
}
