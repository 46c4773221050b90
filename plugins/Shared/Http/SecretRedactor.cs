namespace MarketingOps.Plugins.Shared;

/// <summary>Removes every credential value the plugin has read from text bound for a log, an exception or an error.</summary>
internal sealed class SecretRedactor
{
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Remember(string? secret)
    {
        if (secret is { Length: >= 4 })
        {
            lock (_gate)
            {
                _secrets.Add(secret);
            }
        }
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        lock (_gate)
        {
            foreach (var secret in _secrets)
            {
                text = text.Replace(secret, "[redacted]", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
