using MarketingOps.Core.Guardrails.Similarity;

namespace MarketingOps.Core.Tests.Guardrails.Similarity;

public sealed class ContentNormalizerTests
{
    [Fact]
    public void Case_urls_mentions_emoji_and_punctuation_do_not_count()
    {
        var units = Words("Hey @ana@mastodon.social, our NEW app 🎉 is live: https://acme.example/app?utm=x !!!");
        Assert.Equal(["hey", "our", "new", "app", "is", "live"], units);
    }

    [Fact]
    public void Hashtags_keep_their_word_and_apostrophes_never_split_one()
    {
        Assert.Equal(["were", "hiring", "design"], Words("We’re hiring #design"));
    }

    [Fact]
    public void Chinese_and_japanese_become_one_unit_per_character()
    {
        var content = ContentNormalizer.Normalize("新品発売 sale!");
        Assert.Equal(["新", "品", "発", "売", "sale"], content.Units.Select(u => u.Text));
        Assert.Equal([true, true, true, true, false], content.Units.Select(u => u.IsCharacter));
    }

    [Fact]
    public void Full_width_letters_fold_to_ascii()
    {
        Assert.Equal(["sale", "ends"], Words("ＳＡＬＥ ends"));
    }

    [Fact]
    public void The_recipients_names_are_left_out()
    {
        var content = ContentNormalizer.Normalize("Hi Ana María, thanks for following!", ["@ana_m", "Ana María"]);
        Assert.Equal(["hi", "thanks", "for", "following"], content.Units.Select(u => u.Text));
    }

    [Fact]
    public void What_is_set_aside_keeps_emoji_and_canonical_links()
    {
        var content = ContentNormalizer.Normalize("☀️ https://www.acme.example/launch/?ref=x");
        Assert.Empty(content.Units);
        Assert.Contains("acme.example/launch", content.SetAside);
        Assert.Contains("☀", content.SetAside);
    }

    [Fact]
    public void Devanagari_words_keep_their_vowel_signs()
    {
        Assert.Equal(["नमस्ते", "दुनिया"], Words("नमस्ते दुनिया"));
    }

    [Theory]
    [InlineData("7am to 7pm", "t0700 t1900")]
    [InlineData("7 am - 7 pm!", "t0700 t1900")]
    [InlineData("from 9:00 until 17:30", "t0900 t1730")]
    [InlineData("12 a.m. to 12 p.m.", "t0000 t1200")]
    [InlineData("7h30", "t0730")]
    [InlineData("$5 or 5.00 USD or usd 5", "priceusd5 or priceusd5 or priceusd5")]
    [InlineData("4,99 € and €4.99 and 4.99 euros", "priceeur4x99 and priceeur4x99 and priceeur4x99")]
    [InlineData("£1,250.50", "pricegbp1250x5")]
    [InlineData("20% and 20 percent", "20pct and 20pct")]
    [InlineData("10,000 and 10.000 and 10000", "10000 and 10000 and 10000")]
    [InlineData("5 amazing deals at 1.5x speed", "5 amazing deals at 1 5x speed")]
    [InlineData("version 2.10 on 3.14", "version 2 10 on 3 14")]
    public void Times_prices_and_numbers_are_written_one_way(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), Words(text));
    }

    private static IEnumerable<string> Words(string text) => ContentNormalizer.Normalize(text).Units.Select(u => u.Text);
}
