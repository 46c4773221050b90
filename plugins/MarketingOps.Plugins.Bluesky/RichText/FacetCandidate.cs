namespace MarketingOps.Plugins.Bluesky.RichText;

/// <summary>A link, mention or hashtag found in the text: UTF-8 byte range plus its value (URI, handle or tag).</summary>
internal sealed record FacetCandidate(FacetKind Kind, int ByteStart, int ByteEnd, string Value);
