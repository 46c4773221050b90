using System.Globalization;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Tests.Guardrails.Doubles;

/// <summary>A platform that validates like the real ones: graphemes, or X's weighted length (CJK and emoji weigh 2).</summary>
public sealed class FakePlatform(PlatformDescriptor descriptor) : IPlatform
{
    public PlatformDescriptor Descriptor { get; } = descriptor;

    public static FakePlatform X() => new(new PlatformDescriptor(
        "x",
        "X",
        PlatformCapabilities.Replies | PlatformCapabilities.DirectMessages | PlatformCapabilities.Media | PlatformCapabilities.AudienceEvents,
        new PlatformLimits { MaxTextLength = 280, LengthRule = TextLengthRule.TwitterWeighted, MaxMedia = 4 }));

    /// <summary>A permissive network: direct messages to anyone, automated replies and variant posts allowed.</summary>
    public static FakePlatform Sandbox() => new(new PlatformDescriptor(
        "sandbox",
        "Sandbox",
        PlatformCapabilities.Replies | PlatformCapabilities.DirectMessages | PlatformCapabilities.Media | PlatformCapabilities.AudienceEvents,
        new PlatformLimits { MaxTextLength = 500, LengthRule = TextLengthRule.Graphemes, MaxMedia = 4 })
    {
        Automation = new AutomationRules
        {
            DirectMessageRequiresPriorMessage = false,
            ForbidsWelcomeMessages = false,
            AutoReplyRequiresEngagement = false,
            AllowsVariantPosts = true,
        },
    });

    public static FakePlatform PostsOnly() => new(new PlatformDescriptor("board", "Board", PlatformCapabilities.None, new PlatformLimits()));

    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var limits = Descriptor.Limits;
        var length = limits.LengthRule == TextLengthRule.TwitterWeighted ? WeightedLength(draft.Text) : new StringInfo(draft.Text).LengthInTextElements;
        var problems = new List<string>();
        if (length > limits.MaxTextLength)
        {
            problems.Add($"the text is {length - limits.MaxTextLength} characters too long");
        }

        if (draft.Media.Count > limits.MaxMedia)
        {
            problems.Add($"at most {limits.MaxMedia} media attachments");
        }

        return new DraftValidation(length, limits.MaxTextLength, problems);
    }

    // twitter-text v3 in short: Latin-1 and general punctuation weigh 1, everything else 2, an emoji sequence 2.
    private static int WeightedLength(string text)
    {
        var length = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var first = char.ConvertToUtf32(element, 0);
            length += first <= 0x10FF || (first >= 0x2000 && first <= 0x200D) || (first >= 0x2010 && first <= 0x201F) ? element.Length : 2;
        }

        return length;
    }

    public Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException("guardrails never publish");

    public Task<LookupResult> LookupAsync(PublishRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<PostMetrics>> GetMetricsAsync(string account, IReadOnlyList<string> postIds, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DeleteResult> DeleteAsync(string account, string postId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
