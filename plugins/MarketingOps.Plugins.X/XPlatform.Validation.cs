using System.Text.RegularExpressions;
using MarketingOps.Plugins.X.Text;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.X;

internal sealed partial class XPlatform
{
    private static readonly string[] ReplySettings = ["following", "mentionedUsers", "subscribers", "verified"];

    private static readonly string NotMeasured =
        $"X's length of this text could not be measured: its URL scan took over {TwitterTextPatterns.TimeoutMilliseconds / 1000} s (is the machine overloaded?). Nothing was sent; try again.";

    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        TwitterTextParseResult parsed;
        try
        {
            parsed = TwitterTextParser.Parse(draft.Text, TwitterTextConfiguration.V3);
        }
        catch (RegexMatchTimeoutException)
        {
            // Never a guessed length: a URL counted at full length would refuse a valid post, or pass an invalid one.
            problems.Add(NotMeasured);
            return new DraftValidation(0, 280, problems);
        }

        if (string.IsNullOrWhiteSpace(draft.Text) && draft.Media.Count == 0)
        {
            problems.Add("An X post needs text or media.");
        }
        else if (!parsed.IsValid && !string.IsNullOrWhiteSpace(draft.Text))
        {
            problems.Add(parsed.WeightedLength > 280
                ? $"The text weighs {parsed.WeightedLength} of X's 280 (URLs count 23, CJK characters and emoji 2)."
                : "The text holds characters X does not accept (U+FFFE, U+FEFF or U+FFFF).");
        }

        if (draft.Media.Count > Descriptor.Limits.MaxMedia)
        {
            problems.Add($"X allows at most {Descriptor.Limits.MaxMedia} media per post; this draft has {draft.Media.Count}.");
        }

        if (draft.Kind == MessageKind.DirectMessage)
        {
            problems.Add("The X plugin does not send direct messages.");
        }

        if (draft.Kind == MessageKind.Reply && draft.InReplyTo is null)
        {
            problems.Add("A reply needs the id of the post it answers.");
        }

        if (draft.InReplyTo is { } replyTo && !PostIdPattern().IsMatch(replyTo))
        {
            problems.Add($"'{replyTo}' is not an X post id.");
        }

        if (draft.Options.TryGetValue("quote_tweet_id", out var quote) && !PostIdPattern().IsMatch(quote))
        {
            problems.Add($"quote_tweet_id '{quote}' is not an X post id.");
        }

        if (draft.Options.TryGetValue("reply_settings", out var replySettings) && !ReplySettings.Contains(replySettings, StringComparer.Ordinal))
        {
            problems.Add($"reply_settings must be one of {string.Join(", ", ReplySettings)}; '{replySettings}' is not.");
        }

        return new DraftValidation(parsed.WeightedLength, 280, problems);
    }

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex PostIdPattern();
}
