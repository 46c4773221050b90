using System.Text;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Bluesky;

internal sealed partial class BlueskyPlatform
{
    public DraftValidation Validate(PostDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<string>();
        var graphemes = Graphemes.Count(draft.Text);
        if (graphemes > BlueskyDescriptor.MaxGraphemes)
        {
            problems.Add($"The text has {graphemes} characters; Bluesky allows {BlueskyDescriptor.MaxGraphemes}.");
        }

        if (Encoding.UTF8.GetByteCount(draft.Text) > 3000)
        {
            problems.Add("The text is longer than Bluesky's 3000 bytes.");
        }

        if (string.IsNullOrWhiteSpace(draft.Text) && draft.Media.Count == 0)
        {
            problems.Add("A Bluesky post needs text or media.");
        }

        if (draft.Media.Count > Descriptor.Limits.MaxMedia)
        {
            problems.Add($"Bluesky allows at most {Descriptor.Limits.MaxMedia} images per post; this draft has {draft.Media.Count}.");
        }

        if (draft.Media.Any(m => !m.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("The Bluesky plugin attaches images only.");
        }

        if (draft.Options.TryGetValue("langs", out var langs) && BlueskyLanguages.Problem(langs) is { } badLangs)
        {
            problems.Add(badLangs);
        }

        if (draft.Kind == MessageKind.DirectMessage)
        {
            problems.Add("The Bluesky plugin does not send direct messages.");
        }

        if ((draft.Thread?.ParentId ?? draft.InReplyTo) is { } parent && AtUri.TryParse(parent) is null)
        {
            problems.Add($"'{parent}' is not an at:// post URI.");
        }

        return new DraftValidation(graphemes, BlueskyDescriptor.MaxGraphemes, problems);
    }
}
