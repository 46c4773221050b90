namespace MarketingOps.Core.Guardrails.Reporting;

/// <summary>How many messages of one kind went out, by how they were made.</summary>
/// <param name="Hand">Written by a person.</param>
/// <param name="Inbox">Drafted by automation, approved by a person in the inbox.</param>
/// <param name="Unattended">Sent by automation without a person.</param>
public sealed record OriginCounts(int Hand, int Inbox, int Unattended)
{
    public static OriginCounts Zero { get; } = new(0, 0, 0);

    public int Total => Hand + Inbox + Unattended;

    public OriginCounts Add(MessageOrigin origin) => origin switch
    {
        MessageOrigin.Hand => this with { Hand = Hand + 1 },
        MessageOrigin.Inbox => this with { Inbox = Inbox + 1 },
        _ => this with { Unattended = Unattended + 1 },
    };
}
