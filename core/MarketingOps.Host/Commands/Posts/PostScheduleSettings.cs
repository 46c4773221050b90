namespace MarketingOps.Host.Commands.Posts;

internal sealed class PostScheduleSettings : DraftSettings
{
    protected override bool AtRequired => true;
}
