namespace MarketingOps.Benchmarks.Guardrails;

/// <summary>
/// Plausible marketing posts from a fixed seed: Zipf-distributed words (so common words are shared, as in real
/// posts), a few hashtags, links and emoji, and some Japanese; a slice are reworded copies of earlier posts.
/// </summary>
internal sealed class SyntheticPosts(int seed)
{
    private static readonly string[] Common = ["the", "our", "new", "and", "to", "for", "you", "is", "with", "today", "a", "in", "this", "we", "on", "of", "your", "now", "more", "at"];
    private static readonly string[] Emoji = ["🎉", "🚀", "☕", "🙌", "✨", "❤️"];
    private static readonly string[] Japanese = ["新商品", "のご案内", "春の", "限定", "セール", "開始", "ありがとう", "ございます", "本日", "公開"];

    private readonly Random _random = new(seed);
    private readonly string[] _vocabulary = Vocabulary(seed, 5000);

    public string Next()
    {
        var words = new List<string>();
        var length = _random.Next(8, 30);
        for (var i = 0; i < length; i++)
        {
            words.Add(_random.NextDouble() < 0.35 ? Common[_random.Next(Common.Length)] : _vocabulary[Zipf()]);
        }

        if (_random.NextDouble() < 0.2)
        {
            words.Add("#" + _vocabulary[Zipf()]);
        }

        if (_random.NextDouble() < 0.3)
        {
            words.Add($"https://acme.example/{_vocabulary[_random.Next(_vocabulary.Length)]}?utm_source=x");
        }

        if (_random.NextDouble() < 0.3)
        {
            words.Add(Emoji[_random.Next(Emoji.Length)]);
        }

        if (_random.NextDouble() < 0.1)
        {
            words.Add(string.Concat(Enumerable.Range(0, 4).Select(_ => Japanese[_random.Next(Japanese.Length)])));
        }

        return string.Join(' ', words);
    }

    /// <summary>A light rewording: another link, one word swapped, an emoji added.</summary>
    public string Reword(string text)
    {
        var words = text.Split(' ').ToList();
        words[_random.Next(words.Count)] = _vocabulary[_random.Next(_vocabulary.Length)];
        words.Add(Emoji[_random.Next(Emoji.Length)]);
        return string.Join(' ', words).Replace("utm_source=x", "utm_source=mastodon", StringComparison.Ordinal);
    }

    private int Zipf() => Math.Min(_vocabulary.Length - 1, (int)Math.Floor(Math.Pow(_vocabulary.Length + 1, _random.NextDouble())) - 1);

    private static string[] Vocabulary(int seed, int size)
    {
        var random = new Random(seed ^ 0x5EED);
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        return [.. Enumerable.Range(0, size).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 10)).Select(_ => letters[random.Next(letters.Length)])]))];
    }
}
