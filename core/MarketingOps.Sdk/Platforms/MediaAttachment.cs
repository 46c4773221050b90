namespace MarketingOps.Sdk;

/// <summary>A media file to attach, read by the plugin from <paramref name="Path"/>.</summary>
/// <param name="Path">Absolute path of the file in the client folder.</param>
/// <param name="ContentType">The file's MIME type.</param>
/// <param name="AltText">A description for people who cannot see it.</param>
public sealed record MediaAttachment(string Path, string ContentType, string? AltText = null);
