using System.Globalization;
using MarketingOps.Plugins.Sandbox.Network;
using MarketingOps.Plugins.Sandbox.Settings;
using MarketingOps.Sdk;

namespace MarketingOps.Plugins.Sandbox.Audience;

/// <summary>
/// Follows, mentions and messages as a pure function of (seed, account, hour): each UTC hour gets a Poisson
/// number of each kind, so asking twice, or after a restart, gives the same events with the same ids.
/// Replies come from the posts' own reply counters, one event per counted reply.
/// </summary>
internal sealed class AudienceSimulator(long seed, AudienceSettings settings, PeoplePool people)
{
    private static readonly TimeSpan Slot = TimeSpan.FromHours(1);

    public IEnumerable<AudienceEvent> Scheduled(string account, string handle, DateTimeOffset after, DateTimeOffset until)
    {
        var first = after.UtcTicks / Slot.Ticks;
        var last = until.UtcTicks / Slot.Ticks;
        for (var slot = first; slot <= last; slot++)
        {
            foreach (var e in InSlot(account, handle, slot))
            {
                if (e.OccurredAt > after && e.OccurredAt <= until)
                {
                    yield return e;
                }
            }
        }
    }

    public IEnumerable<AudienceEvent> RepliesTo(SandboxPost post, DateTimeOffset now)
    {
        foreach (var (index, after) in post.Engagement.RepliesAt(now - post.PublishedAt))
        {
            var stream = StableHash.Of(seed, "reply", post.Id, index.ToString(CultureInfo.InvariantCulture));
            var person = people[StableHash.At(stream, 0)];
            var text = string.Format(CultureInfo.InvariantCulture, PeoplePool.Pick(AudienceWords.ReplyTemplates, stream, 1), person.Interest);
            var id = Id("reply", stream);
            yield return new AudienceEvent(id, AudienceEventKind.Reply, person.Handle, post.PublishedAt + after, text, id);
        }
    }

    private IEnumerable<AudienceEvent> InSlot(string account, string handle, long slot)
    {
        var slotText = slot.ToString(CultureInfo.InvariantCulture);
        var start = new DateTimeOffset(slot * Slot.Ticks, TimeSpan.Zero);
        (AudienceEventKind Kind, double PerHour)[] kinds =
        [
            (AudienceEventKind.Follow, settings.FollowsPerHour),
            (AudienceEventKind.Mention, settings.MentionsPerHour),
            (AudienceEventKind.DirectMessage, settings.MessagesPerHour),
        ];
        foreach (var (kind, perHour) in kinds)
        {
            var kindText = kind.ToString();
            var count = StableHash.PoissonAt(StableHash.Of(seed, "audience", account, kindText, slotText), 0, perHour);
            for (var i = 0; i < count; i++)
            {
                var stream = StableHash.Of(seed, "event", account, kindText, slotText, i.ToString(CultureInfo.InvariantCulture));
                var person = people[StableHash.At(stream, 0)];
                var at = start + TimeSpan.FromTicks((long)(StableHash.UnitAt(stream, 1) * Slot.Ticks));
                var id = Id(kind switch { AudienceEventKind.Follow => "follow", AudienceEventKind.Mention => "mention", _ => "dm" }, stream);
                yield return kind switch
                {
                    AudienceEventKind.Mention => new AudienceEvent(
                        id, kind, person.Handle, at,
                        string.Format(CultureInfo.InvariantCulture, PeoplePool.Pick(AudienceWords.MentionTemplates, stream, 2), handle, person.Interest),
                        id),
                    AudienceEventKind.DirectMessage => new AudienceEvent(
                        id, kind, person.Handle, at,
                        string.Format(CultureInfo.InvariantCulture, PeoplePool.Pick(AudienceWords.MessageTemplates, stream, 2), person.Interest)),
                    _ => new AudienceEvent(id, kind, person.Handle, at),
                };
            }
        }
    }

    private static string Id(string kind, ulong stream) =>
        string.Create(CultureInfo.InvariantCulture, $"sbx-{kind}-{StableHash.At(stream, 99):x16}");
}
