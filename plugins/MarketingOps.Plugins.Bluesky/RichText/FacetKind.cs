namespace MarketingOps.Plugins.Bluesky.RichText;

/// <summary>The facet features the plugin writes.</summary>
internal enum FacetKind
{
    Link,
    Mention,
    Tag,
}
