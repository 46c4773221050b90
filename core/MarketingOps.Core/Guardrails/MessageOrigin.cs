namespace MarketingOps.Core.Guardrails;

/// <summary>How a message reaches the network; the automation report counts by it and the rules judge automated messages harder.</summary>
public enum MessageOrigin
{
    /// <summary>A person wrote it (CLI, API, dashboard).</summary>
    Hand,

    /// <summary>A workflow or script drafted it and a person approves it in the inbox before it goes out.</summary>
    Inbox,

    /// <summary>A workflow or script sends it without a person looking, because the client's policy allows it.</summary>
    Unattended,
}
