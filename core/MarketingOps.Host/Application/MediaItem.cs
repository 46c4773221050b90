namespace MarketingOps.Host.Application;

/// <summary>One file of the client's media library.</summary>
/// <param name="Name">Its name in the library: the content's hash and the type's extension.</param>
/// <param name="ContentType">Its media type, read from its first bytes.</param>
/// <param name="Path">Its full path, as a post's attachment names it.</param>
/// <param name="Bytes">Its size.</param>
internal sealed record MediaItem(string Name, string ContentType, string Path, long Bytes);
