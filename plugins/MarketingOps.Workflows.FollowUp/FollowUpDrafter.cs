using System.Globalization;
using System.Text.RegularExpressions;
using MarketingOps.Sdk;

namespace MarketingOps.Workflows.FollowUp;

/// <summary>
/// Drafts one follow-up from what the person wrote and what their profile shows. A draft is a starting point for a
/// person to edit, so it says something about them rather than something that fits everyone.
/// </summary>
internal static partial class FollowUpDrafter
{
    private const int QuoteLength = 60;

    [GeneratedRegex(@"#(\w{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex Hashtag();

    /// <summary>The proposal, or <see langword="null"/> when there is nothing personal to say or nothing to reply to.</summary>
    public static Proposal? Draft(AccountInfo account, AudienceEvent audienceEvent, PublicProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(audienceEvent);
        var handle = audienceEvent.Handle.TrimStart('@');
        var name = FirstName(profile?.DisplayName) ?? handle;
        var topic = Topic(profile);
        var recentPost = profile?.RecentPosts.Count > 0 ? profile.RecentPosts[0] : null;
        var asked = audienceEvent.Text is { } said && (said.Contains('?', StringComparison.Ordinal) || said.Contains('？', StringComparison.Ordinal));

        PostDraft draft;
        string trigger;
        switch (audienceEvent.Kind)
        {
            case AudienceEventKind.Follow:
                // Only with something real to say about them: no profile, no draft.
                if (topic is null && recentPost is null)
                {
                    return null;
                }

                draft = new PostDraft(recentPost is not null
                    ? $"Hi {name}, thanks for the follow! Your post “{Quote(recentPost)}” caught my eye. What got you into {topic ?? "that"}?"
                    : $"Hi {name}, thanks for the follow! I see you're into {topic}. What are you working on at the moment?")
                {
                    Kind = MessageKind.DirectMessage,
                    Recipient = handle,
                };
                trigger = $"new follower @{handle}";
                break;

            case AudienceEventKind.Mention or AudienceEventKind.Reply when audienceEvent.PostId is not null:
                var opening = audienceEvent.Kind == AudienceEventKind.Mention ? "Thanks for the mention" : "Thanks for replying";
                var answer = asked
                    ? $"Good question about “{Quote(audienceEvent.Text!)}”, let me check and come back to you."
                    : $"Glad to hear it.{Hook(topic, recentPost)}";
                draft = new PostDraft($"@{handle} {opening}, {name}! {answer}")
                {
                    Kind = MessageKind.Reply,
                    InReplyTo = audienceEvent.PostId,
                    Recipient = handle,
                };
                trigger = $"{(audienceEvent.Kind == AudienceEventKind.Mention ? "mention" : "reply")} by @{handle}: “{Quote(audienceEvent.Text ?? string.Empty)}”";
                break;

            case AudienceEventKind.DirectMessage:
                draft = new PostDraft(asked
                    ? $"Hi {name}, thanks for your message about “{Quote(audienceEvent.Text!)}”. Let me look into it and get back to you today."
                    : $"Hi {name}, thanks for your message!{Hook(topic, recentPost)} How can we help?")
                {
                    Kind = MessageKind.DirectMessage,
                    Recipient = handle,
                };
                trigger = $"message from @{handle}: “{Quote(audienceEvent.Text ?? string.Empty)}”";
                break;

            default:
                return null;
        }

        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["who"] = profile is null ? $"@{handle}" : $"{profile.DisplayName} (@{handle})",
        };
        AddFact(facts, "bio", profile?.Bio);
        AddFact(facts, "recent post", recentPost);
        AddFact(facts, "topic", topic);
        AddFact(facts, "they wrote", audienceEvent.Text);
        facts["event"] = $"{audienceEvent.Kind.ToString().ToLowerInvariant()} at {audienceEvent.OccurredAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}Z";

        return new Proposal(account.Platform, account.Name, draft, trigger)
        {
            Facts = facts,
            TriggerEventId = audienceEvent.Id,
        };
    }

    /// <summary>A hashtag they use, else nothing: guessing a topic from free text reads as fake.</summary>
    internal static string? Topic(PublicProfile? profile)
    {
        if (profile is null)
        {
            return null;
        }

        foreach (var text in profile.RecentPosts.Append(profile.Bio))
        {
            if (Hashtag().Match(text) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }

    /// <summary>Something about them: a topic they tag, else their latest post.</summary>
    private static string Hook(string? topic, string? recentPost) =>
        topic is not null ? $" Also enjoyed what you wrote about {topic}."
        : recentPost is not null ? $" Also enjoyed your post “{Quote(recentPost)}”."
        : string.Empty;

    internal static string? FirstName(string? displayName) =>
        displayName?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    internal static string Quote(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= QuoteLength)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', QuoteLength);
        cut = cut > QuoteLength / 2 ? cut : QuoteLength;
        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--; // never split an emoji in half
        }

        return flat[..cut] + "…";
    }

    private static void AddFact(Dictionary<string, string> facts, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts[key] = value;
        }
    }
}
