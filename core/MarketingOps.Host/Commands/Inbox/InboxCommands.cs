using Spectre.Console.Cli;

namespace MarketingOps.Host.Commands.Inbox;

/// <summary><c>mops inbox …</c>: the human approval inbox.</summary>
internal static class InboxCommands
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("inbox", inbox =>
        {
            inbox.SetDescription("Replies, messages and posts waiting for a person: list, show, approve (optionally edited) or reject.");
            inbox.AddCommand<InboxListCommand>("list").WithDescription("List pending items (or --all).").WithExample("inbox", "list", "--json");
            inbox.AddCommand<InboxShowCommand>("show").WithDescription("Who it is for, why it was proposed, the guardrails' verdict and every decision.").WithExample("inbox", "show", "ID");
            inbox.AddCommand<InboxApproveCommand>("approve")
                .WithDescription("Approve an item; the guardrails check it again, then it goes to publishing.")
                .WithExample("inbox", "approve", "ID")
                .WithExample("inbox", "approve", "ID", "--edit", "Thanks Ana! Which flour do you use?");
            inbox.AddCommand<InboxRejectCommand>("reject").WithDescription("Reject an item with a reason.").WithExample("inbox", "reject", "ID", "--reason", "too generic");
        });
}
