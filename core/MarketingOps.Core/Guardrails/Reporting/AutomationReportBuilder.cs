using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Guardrails.Reporting;

/// <summary>
/// Counts from the message history (what went out) and the rejection log (what the guardrails stopped), each in the
/// account's own time zone. A message rejected again on a later check by the same rule counts once.
/// </summary>
internal sealed class AutomationReportBuilder(IMessageHistory history, IGuardrailRejectionLog rejections, IPlatformRegistry registry, TimeProvider clock)
    : IAutomationReport
{
    public async Task<AutomationReport> BuildAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow();
        var rows = new Dictionary<(string Account, IsoWeek Week), Row>();
        Row RowFor(string account, DateTimeOffset at)
        {
            var known = registry.FindAccount(account);
            var key = (known?.Name ?? account, IsoWeek.Of(at, known?.TimeZone ?? TimeZoneInfo.Utc));
            if (!rows.TryGetValue(key, out var row))
            {
                row = new Row();
                rows[key] = row;
            }

            return row;
        }

        await foreach (var message in history.ReadSinceAsync(since, cancellationToken))
        {
            if (message.At > until)
            {
                continue; // scheduled, not sent yet
            }

            var row = RowFor(message.Account, message.At);
            switch (message.Kind)
            {
                case MessageKind.Post:
                    row.Posts = row.Posts.Add(message.Origin);
                    break;
                case MessageKind.Reply:
                    row.Replies = row.Replies.Add(message.Origin);
                    break;
                default:
                    row.DirectMessages = row.DirectMessages.Add(message.Origin);
                    break;
            }
        }

        await foreach (var rejection in rejections.ReadSinceAsync(since, cancellationToken))
        {
            var row = RowFor(rejection.Account, rejection.At);
            if (row.Counted.Add((rejection.MessageId, rejection.Rule)))
            {
                row.RejectionsByRule[rejection.Rule] = row.RejectionsByRule.GetValueOrDefault(rejection.Rule) + 1;
            }
        }

        return new AutomationReport(since, until, [.. rows
            .OrderBy(r => r.Key.Account, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Key.Week)
            .Select(r => new AutomationReportRow(r.Key.Account, r.Key.Week, r.Value.Posts, r.Value.Replies, r.Value.DirectMessages,
                new SortedDictionary<string, int>(r.Value.RejectionsByRule, StringComparer.Ordinal)))]);
    }

    private sealed class Row
    {
        public OriginCounts Posts { get; set; } = OriginCounts.Zero;

        public OriginCounts Replies { get; set; } = OriginCounts.Zero;

        public OriginCounts DirectMessages { get; set; } = OriginCounts.Zero;

        public Dictionary<string, int> RejectionsByRule { get; } = new(StringComparer.Ordinal);

        public HashSet<(string MessageId, string Rule)> Counted { get; } = [];
    }
}
