namespace MarketingOps.Testing.PrivateDepsPlugin;

internal sealed class Greeting
{
    public Loud? Text { get; set; }
}
