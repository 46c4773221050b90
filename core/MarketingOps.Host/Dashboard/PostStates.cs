using MarketingOps.Core.Posts;

namespace MarketingOps.Host.Dashboard;

/// <summary>How a post's state is shown: a word and a symbol as well as a colour, never colour alone.</summary>
internal static class PostStates
{
    public static string Label(PostState state) => state switch
    {
        PostState.PendingApproval => "Awaiting approval",
        _ => state.ToString(),
    };

    public static string Symbol(PostState state) => state switch
    {
        PostState.Draft => "✎",
        PostState.PendingApproval => "◐",
        PostState.Scheduled => "◷",
        PostState.Publishing => "↻",
        PostState.Published => "✓",
        PostState.Failed => "✕",
        PostState.Unconfirmed => "?",
        PostState.Cancelled => "⊘",
        PostState.Missed => "!",
        _ => "•",
    };

    public static string Css(PostState state) => "state-" + state.ToString().ToLowerInvariant();
}
