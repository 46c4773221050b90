using MarketingOps.Core.Guardrails;
using MarketingOps.Core.Plugins;
using MarketingOps.Sdk;

namespace MarketingOps.Core.Inbox;

/// <summary>The inbox engine: guardrails on the way in and again on approval; publishing only through <see cref="IInboxPublisher"/>.</summary>
internal sealed class InboxService(
    IInboxStore store,
    IGuardrails guardrails,
    IInboxPublisher publisher,
    IUnattendedPolicy policy,
    IPlatformRegistry registry,
    TimeProvider clock) : IInbox
{
    /// <summary>Who decides for unattended sends.</summary>
    public const string PolicyDecider = "policy";

    /// <summary>The source of held posts.</summary>
    public const string PostSource = "post";

    public async Task<InboxItem> ProposeAsync(string source, Proposal proposal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.TriggerEventId is { } eventId
            && await store.FindByTriggerAsync(source, proposal.Account, eventId, cancellationToken) is { } existing)
        {
            return existing;
        }

        var account = registry.FindAccount(proposal.Account)
            ?? throw new InboxException($"'{source}' proposed a message from account '{proposal.Account}', which is not configured.");
        if (!string.Equals(account.Platform, proposal.Platform, StringComparison.OrdinalIgnoreCase))
        {
            throw new InboxException($"'{source}' proposed a message for platform '{proposal.Platform}' from account '{account.Name}', which is on '{account.Platform}'.");
        }

        // The same draft already waiting for a person is the same proposal: the inbox never fills with copies.
        if (await FindPendingTwinAsync(source, account.Name, proposal.Draft, cancellationToken) is { } twin)
        {
            return twin;
        }

        var now = clock.GetUtcNow();
        var unattended = policy.AllowsUnattended(source, proposal.Draft.Kind);
        var id = NewId();
        var message = new OutgoingMessage(id, account.Name, proposal.Draft, now, unattended ? MessageOrigin.Unattended : MessageOrigin.Inbox)
        {
            TriggerEventId = proposal.TriggerEventId,
        };
        var verdict = await guardrails.CheckAsync(message, cancellationToken);

        var item = new InboxItem
        {
            Id = id,
            Kind = InboxItemKind.Proposal,
            Platform = account.Platform,
            Account = account.Name,
            Draft = proposal.Draft,
            Source = source,
            Trigger = proposal.Trigger,
            TriggerEventId = proposal.TriggerEventId,
            Facts = proposal.Facts,
            ProposedAt = now,
            Verdict = verdict,
        };

        // Guardrails still apply to unattended sends: anything short of a plain allow waits for a person.
        if (unattended && verdict.Outcome == GuardrailOutcome.Allow)
        {
            var postId = await publisher.SendAsync(message, PolicyDecider, cancellationToken);
            item = item with
            {
                Status = InboxItemStatus.SentUnattended,
                Origin = MessageOrigin.Unattended,
                PostId = postId,
                Decisions = [new InboxDecision(InboxDecisionAction.SentUnattended, PolicyDecider, now)],
            };
        }

        while (!await store.AddAsync(item, cancellationToken))
        {
            item = item with { Id = NewId() };
        }

        return item;
    }

    private async Task<InboxItem?> FindPendingTwinAsync(string source, string account, PostDraft draft, CancellationToken cancellationToken)
    {
        var pending = await store.ListAsync(InboxItemStatus.Pending, cancellationToken);
        return pending.FirstOrDefault(i =>
            i.Kind == InboxItemKind.Proposal
            && string.Equals(i.Source, source, StringComparison.Ordinal)
            && string.Equals(i.Account, account, StringComparison.OrdinalIgnoreCase)
            && i.Draft.Kind == draft.Kind
            && string.Equals(i.Draft.Recipient, draft.Recipient, StringComparison.OrdinalIgnoreCase)
            && string.Equals(i.Draft.InReplyTo, draft.InReplyTo, StringComparison.Ordinal)
            && string.Equals(i.Draft.Text, draft.Text, StringComparison.Ordinal));
    }

    public async Task<InboxItem> HoldPostAsync(OutgoingMessage post, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var pending = await store.ListAsync(InboxItemStatus.Pending, cancellationToken);
        if (pending.FirstOrDefault(i => i.Kind == InboxItemKind.HeldPost && (i.PostId == post.Id || i.Parts.Any(p => p.PostId == post.Id))) is { } existing)
        {
            return existing;
        }

        var item = await PrepareHoldAsync(post, reason, cancellationToken);
        while (!await store.AddAsync(item, cancellationToken))
        {
            item = item with { Id = NewId() };
        }

        return item;
    }

    public async Task<InboxItem> PrepareHoldAsync(OutgoingMessage post, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        var account = registry.FindAccount(post.Account) ?? throw new InboxException($"No account named '{post.Account}'.");

        // The publishing side has already run (and logged) the real check; this one only explains.
        var verdict = await guardrails.ExplainAsync(post, cancellationToken);
        return new InboxItem
        {
            // Longer than a proposal's id: it is written inside the post's transaction, with no second try on a clash
            // (the recovery sweep would repair even that).
            Id = Guid.NewGuid().ToString("N")[..16],
            Kind = InboxItemKind.HeldPost,
            Platform = account.Platform,
            Account = account.Name,
            Draft = post.Draft,
            Source = PostSource,
            Trigger = reason,
            TriggerEventId = post.TriggerEventId,
            ProposedAt = clock.GetUtcNow(),
            SendAt = post.At,
            Verdict = verdict,
            PostId = post.Id,
            ExperimentId = post.ExperimentId,
            VariantId = post.VariantId,
            Origin = post.Origin,
        };
    }

    public async Task<InboxItem> PrepareThreadHoldAsync(IReadOnlyList<OutgoingMessage> parts, IReadOnlyList<string?> reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(reasons);
        if (parts.Count == 0 || parts.Count != reasons.Count || reasons.All(r => r is null))
        {
            throw new ArgumentException("A held thread needs its parts, a reason or null for each, and at least one reason.", nameof(reasons));
        }

        var distinct = reasons.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var why = distinct.Count == 1 && reasons.All(r => r is not null)
            ? distinct[0]
            : string.Join("; ", reasons.Select((r, i) => r is null ? null : $"part {i + 1}: {r}").OfType<string>());
        var item = await PrepareHoldAsync(parts[0], $"a thread of {parts.Count} parts, approved or rejected as one; {why}", cancellationToken);
        var held = new List<InboxItemPart>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var verdict = i == 0 ? item.Verdict : await guardrails.ExplainAsync(parts[i], cancellationToken);
            held.Add(new InboxItemPart(i + 1, parts[i].Id, parts[i].Draft) { HeldBecause = reasons[i], Verdict = verdict });
        }

        return item with { Parts = held, Verdict = Worst(held) };
    }

    // The part with the most severe verdict speaks for the thread (the first of them when several are as severe).
    private static GuardrailVerdict Worst(IReadOnlyList<InboxItemPart> parts) =>
        parts.Select(p => p.Verdict!).MaxBy(v => v.Outcome)!;

    public Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<InboxItem>> ListAsync(InboxItemStatus? status, CancellationToken cancellationToken) =>
        store.ListAsync(status, cancellationToken);

    public Task<InboxPage> ListPageAsync(InboxItemStatus? status, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        return store.ListPageAsync(status, skip, take, cancellationToken);
    }

    public Task<InboxDecisionResult> ApproveAsync(string id, string decidedBy, string? editedText, CancellationToken cancellationToken) =>
        ApproveAsync(id, decidedBy, editedText, editedPart: null, cancellationToken);

    public async Task<InboxDecisionResult> ApproveAsync(string id, string decidedBy, string? editedText, int? editedPart, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        if (editedText is not null && string.IsNullOrWhiteSpace(editedText))
        {
            throw new InboxException("The edited text is empty; reject the item instead.");
        }

        if (editedPart is not null && editedText is null)
        {
            throw new InboxException($"Part {editedPart} is named, but no edited text is given for it.");
        }

        if (editedText is not null && editedPart is null)
        {
            // A single message's edit is its part 1; a thread's must say which part it replaces.
            var item = await PendingAsync(id, cancellationToken);
            if (item.Parts.Count > 1)
            {
                throw new InboxException($"Inbox item '{item.Id}' is a thread of {item.Parts.Count} parts: say which part the edited text replaces (part 1 to {item.Parts.Count}); the other parts go as they are.");
            }
        }

        return await ApproveWithEditsAsync(id, decidedBy, editedText is null ? [] : [new PartEdit(editedPart ?? 1, editedText)], cancellationToken);
    }

    public async Task<InboxDecisionResult> ApproveWithEditsAsync(string id, string decidedBy, IReadOnlyList<PartEdit> edits, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Any(e => string.IsNullOrWhiteSpace(e.Text)))
        {
            throw new InboxException("The edited text is empty; reject the item instead.");
        }

        if (edits.GroupBy(e => e.Part).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InboxException($"Part {twice.Key} is edited twice; give each part one text.");
        }

        var item = await PendingAsync(id, cancellationToken);
        if (item.Parts.Count > 1)
        {
            return await ApproveThreadAsync(item, decidedBy, edits, cancellationToken);
        }

        if (edits.FirstOrDefault(e => e.Part != 1) is { } other)
        {
            throw new InboxException($"Inbox item '{id}' is one message, not a thread, so it has no part {other.Part}.");
        }

        var editedText = edits.Count == 0 ? null : edits[0].Text;
        var now = clock.GetUtcNow();
        var draft = editedText is null ? item.Draft : item.Draft with { Text = editedText };
        var sendAt = item.SendAt is { } at && at > now ? at : now;

        // A person approved it: a script's post becomes an inbox post; a hand-written one stays hand-written.
        var origin = item.Origin == MessageOrigin.Hand ? MessageOrigin.Hand : MessageOrigin.Inbox;
        var message = new OutgoingMessage(item.Kind == InboxItemKind.HeldPost ? item.PostId! : item.Id, item.Account, draft, sendAt, origin)
        {
            TriggerEventId = item.TriggerEventId,
            ExperimentId = item.ExperimentId,
            VariantId = item.VariantId,
        };
        var verdict = await guardrails.CheckAsync(message, cancellationToken);

        if (verdict.Outcome == GuardrailOutcome.Reject)
        {
            var refused = item with
            {
                Verdict = verdict,
                Decisions = [.. item.Decisions, new InboxDecision(InboxDecisionAction.ApprovalRefused, decidedBy, now, verdict.Summary, editedText)],
            };
            await store.UpdateAsync(refused, cancellationToken);
            return new InboxDecisionResult(refused, Published: false);
        }

        var postId = item.PostId;
        if (item.Kind == InboxItemKind.HeldPost)
        {
            await publisher.ReleaseAsync(message, decidedBy, cancellationToken);
        }
        else
        {
            postId = await publisher.SendAsync(message, decidedBy, cancellationToken);
        }

        var approved = item with
        {
            Status = InboxItemStatus.Approved,
            Draft = draft,
            Verdict = verdict,
            PostId = postId,
            Origin = origin,
            Decisions = [.. item.Decisions, new InboxDecision(InboxDecisionAction.Approved, decidedBy, now, null, editedText)],
        };
        await store.UpdateAsync(approved, cancellationToken);
        return new InboxDecisionResult(approved, Published: true);
    }

    // Every part is checked before any is released; then they are released in order, part 1 first, each keeping its post
    // (and so its idempotency key). A crash midway leaves the item pending; approving it again releases the rest.
    private async Task<InboxDecisionResult> ApproveThreadAsync(InboxItem item, string decidedBy, IReadOnlyList<PartEdit> edits, CancellationToken cancellationToken)
    {
        var count = item.Parts.Count;
        if (edits.FirstOrDefault(e => e.Part < 1 || e.Part > count) is { } outside)
        {
            throw new InboxException($"Inbox item '{item.Id}' is a thread of {count} parts, so it has no part {outside.Part}; name a part from 1 to {count}.");
        }

        var now = clock.GetUtcNow();
        var origin = item.Origin == MessageOrigin.Hand ? MessageOrigin.Hand : MessageOrigin.Inbox;
        var texts = edits.ToDictionary(e => e.Part, e => e.Text);
        var parts = item.Parts.OrderBy(p => p.Part).Select(p => texts.TryGetValue(p.Part, out var text) ? p with { Draft = p.Draft with { Text = text } } : p).ToList();
        var messages = new List<OutgoingMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var sendAt = i == 0 && item.SendAt is { } at && at > now ? at : now;
            var message = new OutgoingMessage(parts[i].PostId, item.Account, parts[i].Draft, sendAt, origin)
            {
                TriggerEventId = item.TriggerEventId,
                ExperimentId = item.ExperimentId,
                VariantId = item.VariantId,
            };
            messages.Add(message);
            parts[i] = parts[i] with { Verdict = await guardrails.CheckAsync(message, cancellationToken) };
        }

        // One edit is recorded as before (text and part); several as the list of them.
        var decision = edits.Count == 1
            ? new InboxDecision(InboxDecisionAction.Approved, decidedBy, now, null, edits[0].Text, edits[0].Part)
            : new InboxDecision(InboxDecisionAction.Approved, decidedBy, now) { EditedParts = edits.Count == 0 ? null : [.. edits.OrderBy(e => e.Part)] };
        if (parts.FirstOrDefault(p => p.Verdict!.Outcome == GuardrailOutcome.Reject) is { } refusedPart)
        {
            var refused = item with
            {
                Parts = parts,
                Verdict = refusedPart.Verdict!,
                Decisions = [.. item.Decisions, decision with { Action = InboxDecisionAction.ApprovalRefused, Reason = $"part {refusedPart.Part} of {count}: {refusedPart.Verdict!.Summary}" }],
            };
            await store.UpdateAsync(refused, cancellationToken);
            return new InboxDecisionResult(refused, Published: false);
        }

        foreach (var message in messages)
        {
            await publisher.ReleaseAsync(message, decidedBy, cancellationToken);
        }

        var approved = item with
        {
            Status = InboxItemStatus.Approved,
            Draft = parts[0].Draft,
            Parts = parts,
            Verdict = Worst(parts),
            Origin = origin,
            Decisions = [.. item.Decisions, decision],
        };
        await store.UpdateAsync(approved, cancellationToken);
        return new InboxDecisionResult(approved, Published: true);
    }

    public async Task<InboxItem> RejectAsync(string id, string decidedBy, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InboxException("A rejection needs a reason.");
        }

        var item = await PendingAsync(id, cancellationToken);
        if (item.Kind == InboxItemKind.HeldPost)
        {
            await publisher.DiscardAsync(item.PostId!, decidedBy, reason, cancellationToken);
        }

        var rejected = item with
        {
            Status = InboxItemStatus.Rejected,
            Decisions = [.. item.Decisions, new InboxDecision(InboxDecisionAction.Rejected, decidedBy, clock.GetUtcNow(), reason)],
        };
        await store.UpdateAsync(rejected, cancellationToken);
        return rejected;
    }

    private async Task<InboxItem> PendingAsync(string id, CancellationToken cancellationToken)
    {
        var item = await store.GetAsync(id, cancellationToken) ?? throw new InboxException($"No inbox item '{id}'.");
        if (item.Status != InboxItemStatus.Pending)
        {
            var last = item.Decisions.Count == 0 ? null : item.Decisions[^1];
            throw new InboxException($"Inbox item '{id}' is {item.Status.ToString().ToLowerInvariant()}" +
                (last is null ? "." : $" ({last.Action} by {last.By} at {last.At:yyyy-MM-dd HH:mm}Z)."));
        }

        return item;
    }

        private static string NewId() => Guid.NewGuid().ToString("N")[..10];
}
