namespace MarketingOps.Scripting;

/// <summary>One arm of an experiment: a wording, and optionally its own account or posting-time shift.</summary>
/// <param name="Name">A short name, unique within the experiment (e.g. <c>A</c>, <c>question</c>).</param>
/// <param name="Text">The post text this variant publishes (its first wording when it has <see cref="Rounds"/>).</param>
public sealed record ExperimentVariant(string Name, string Text)
{
    /// <summary>
    /// One wording per post: the variant's i-th post says <c>Rounds[i]</c> (cycling when there are fewer), so repeats
    /// are not duplicates the guardrails refuse. Each must say the same thing in really different words. The default value is none (always <see cref="Text"/>).
    /// </summary>
    public IReadOnlyList<string> Rounds { get; init; } = [];

    /// <summary>Variants are equal when every field and every round's wording are.</summary>
    public bool Equals(ExperimentVariant? other) =>
        other is not null && Name == other.Name && Text == other.Text && Account == other.Account && TimeShift == other.TimeShift
        && Rounds.SequenceEqual(other.Rounds, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Text, Account, TimeShift, Rounds.Count);

    /// <summary>The text of the variant's post in <paramref name="round"/> (0-based).</summary>
    public string TextFor(int round) => Rounds.Count == 0 ? Text : Rounds[round % Rounds.Count];

    /// <summary>Publish this variant from this account instead of the experiment's accounts. The default value is null.</summary>
    public string? Account { get; init; }

    /// <summary>Shift this variant's posting slots by this much (to test posting times). The default value is zero.</summary>
    public TimeSpan TimeShift { get; init; }
}
