using MarketingOps.Core.Experiments.Definitions;

namespace MarketingOps.Core.Experiments.Planning;

/// <summary>The variant an experiment's next post should carry, and the shares it was drawn from.</summary>
/// <param name="Variant">Index of the variant (0 = control).</param>
/// <param name="Name">The variant's name.</param>
/// <param name="Weights">Each variant's chance of being picked: Thompson sampling's shares with the minimum share applied for a bandit, one for the round robin's pick otherwise.</param>
internal sealed record VariantPick(int Variant, string Name, IReadOnlyList<double> Weights)
{
    /// <summary>The variant's posts so far (refused ones included), so its next post takes <see cref="VariantDefinition.TextFor"/> of this round. The default value is 0.</summary>
    public int Round { get; init; }
}
