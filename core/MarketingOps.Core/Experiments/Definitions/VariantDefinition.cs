using MarketingOps.Sdk;

namespace MarketingOps.Core.Experiments.Definitions;

/// <summary>One arm: a wording, media, and optionally its own account or posting-time shift (what is being tested).</summary>
/// <param name="Name">Short name, unique within the experiment (e.g. <c>control</c>, <c>question</c>).</param>
/// <param name="Text">The text this variant publishes.</param>
internal sealed record VariantDefinition(string Name, string Text)
{
    /// <summary>Alternative wordings used round by round (round r uses entry r mod count), so repeats are not duplicates. The default value is none (always <see cref="Text"/>).</summary>
    public IReadOnlyList<string> Rounds { get; init; } = [];

    /// <summary>Media attached to every post of the variant. The default value is none.</summary>
    public IReadOnlyList<MediaAttachment> Media { get; init; } = [];

    /// <summary>Publish this variant from this account instead of the experiment's accounts (tests the account). The default value is null.</summary>
    public string? Account { get; init; }

    /// <summary>Shift this variant's slots by this much (tests the posting time). The default value is zero.</summary>
    public TimeSpan TimeShift { get; init; }

    /// <summary>The text of the variant's post in <paramref name="round"/>.</summary>
    public string TextFor(int round) => Rounds.Count == 0 ? Text : Rounds[round % Rounds.Count];
}
