namespace MarketingOps.Core.Tests.Guardrails.Similarity;

/// <summary>
/// The labelled set the default near-duplicate threshold is chosen with: reworded copies (the spam pattern:
/// same message, cosmetic edits, another link or emoji) against genuinely different posts, many of them on
/// the same topic from the same brand, which is where a threshold set too low would hurt.
/// </summary>
public static class ParaphraseSet
{
    /// <summary>Every labelled pair: <see cref="Original"/> and <see cref="Quantities"/>.</summary>
    public static IReadOnlyList<LabelledPair> Pairs => [.. Original, .. Quantities];

    /// <summary>
    /// Issue 12: the same message with its times, prices, percentages and numbers written another way, against posts
    /// whose quantities really differ.
    /// </summary>
    public static IReadOnlyList<LabelledPair> Quantities { get; } =
    [
        Copy("We're open 7am to 7pm every day this week", "We're open 7 am - 7 pm every day this week!", "times with and without spaces, range as 'to' and '-'"),
        Copy("Open today from 9:00 to 17:00, come by for coffee", "Open today 9am–5pm, come by for coffee!", "24-hour clock and am/pm"),
        Copy("Happy hour 5:30pm to 7pm: 50% off all drinks", "Happy hour 5.30 p.m. - 7 p.m., 50 percent off all drinks", "p.m., decimal point in a time, percent spelt out"),
        Copy("Fresh croissants are just $3 today", "Fresh croissants are just 3.00 USD today!", "currency symbol and code"),
        Copy("All coffee 4,99 € this weekend only", "All coffee €4.99 this weekend only", "decimal comma and point, symbol before and after"),
        Copy("Thank you, 10000 followers, we love you all", "Thank you, 10,000 followers! We love you all", "thousands separator"),
        Other("We're open 7am to 7pm every day this week", "We're open 10am to 4pm on Sunday only"),
        Other("Doors open at 7pm, the show starts at 8pm", "Doors open at 6pm, the show starts at 9pm"),
        Other("Fresh croissants are just $3 today", "Fresh croissants are just $5 from Monday"),
        Other("Happy hour 5:30pm to 7pm: 50% off all drinks", "Brunch 10am to 2pm: free coffee refills"),
    ];

    /// <summary>The set the default threshold was first chosen with; precision on it stays 1.0.</summary>
    public static IReadOnlyList<LabelledPair> Original { get; } =
    [
        // Reworded copies.
        Copy("Our spring sale starts today! 20% off everything in store.", "Our SPRING sale starts today!!! 20% off everything in store 🎉", "case, punctuation, emoji"),
        Copy("New blog post: 5 ways to plan your content calendar https://acme.example/blog/5-ways?utm_source=x", "New blog post: 5 ways to plan your content calendar https://acme.example/blog/5-ways?utm_source=mastodon", "URL-only difference"),
        Copy("Read the full story https://acme.example/a", "Read the full story https://bit.example/xyz123", "URL-only difference, other host"),
        Copy("Thanks @ana for the kind words about our coffee!", "Thanks @ben for the kind words about our coffee!", "mention-only difference"),
        Copy("Join our webinar on Thursday about email marketing", "Join our email marketing webinar on Thursday", "word order"),
        Copy("We just launched our new app for iOS and Android. Download it now!", "We just released our new app for iOS and Android. Download it now!", "one word swapped"),
        Copy("Big news: we're hiring a product designer in Berlin", "Big news: we're hiring a product designer in Berlin #hiring #design", "hashtags added"),
        Copy("春のセール開始！全商品20%オフ。", "春のセール開始！全商品20%オフです🎉", "Japanese, ending and emoji"),
        Copy("我们的新产品今天正式发布，欢迎大家试用！", "我们的新产品今天正式发布了，欢迎大家来试用！", "Chinese, two particles added"),
        Copy("🎉🎉🎉", "🎉🎉🎉🎉", "emoji only"),
        Copy("Happy Friday everyone! ☀️", "Happy Friday everyone! 🌈", "emoji-only difference"),
        Copy("Thanks for following!", "thanks   for following!!!", "case, whitespace, punctuation"),
        Copy("Thanks for following, Ana! Let us know if you have questions.", "Thanks for following, Ben! Let us know if you have any questions.", "template with only the name changed"),
        Copy("Don't miss our live Q&A at 5pm today", "Dont miss our live Q&A at 5pm today!!", "apostrophe and punctuation"),
        Copy("Our new pricing page is live. Check it out and tell us what you think!", "Our new pricing page is live. Check it out and tell us what you think! Feedback welcome.", "sentence added"),
        Copy("오늘 새로운 기능을 출시했습니다! 확인해 보세요.", "오늘 새로운 기능을 출시했습니다!! 꼭 확인해 보세요 😊", "Korean, one word and emoji added"),
        Copy("ＳＡＬＥ ends tonight at midnight", "Sale ends tonight at midnight!", "full-width letters"),
        Copy("Get 10% off your first order with code WELCOME10", "Get 10% off your first order with the code WELCOME10!", "article added"),
        Copy("https://acme.example/launch", "https://www.acme.example/launch?ref=newsletter", "link-only post, tracking parameter"),
        Copy("ลดราคาพิเศษวันนี้เท่านั้น", "ลดราคาพิเศษ วันนี้เท่านั้น!!", "Thai, space and punctuation"),
        Copy("We're live on Product Hunt 🚀 come say hi and tell your friends", "We're live on Product Hunt! Come say hi and tell your friends 👋", "emoji and punctuation"),
        Copy("Reminder: our office is closed on Monday for the public holiday.", "Reminder - our office is closed Monday for the public holiday!", "small edits"),
        Copy("限时优惠：点击链接了解详情 https://a.example/x", "限时优惠：点击链接了解详情 https://a.example/y", "Chinese, URL-only difference"),
        Copy("Check out our latest case study on how Nova grew 3x with scheduled posts", "Check out our newest case study on how Nova grew 3x with scheduled posts", "one word swapped"),
        Copy("Thank you for 10,000 followers! We couldn't have done it without you ❤️", "Thank you for 10,000 followers!! We could not have done it without you 🙏", "contraction expanded, emoji"),
        Copy("Quick tip: schedule your posts when your audience is online, not when you are.", "Quick tip - schedule posts when your audience is online, not when you are! 💡", "small edits, emoji"),

        // Genuinely different posts.
        Other("Our spring sale starts today! 20% off everything in store.", "Our summer collection is here: linen shirts, sandals and more."),
        Other("New blog post: 5 ways to plan your content calendar", "New blog post: why we moved our servers to Finland"),
        Other("Join our webinar on Thursday about email marketing", "The recording of Thursday's email marketing webinar is now online for everyone who missed it"),
        Other("Thanks for following!", "Thanks for the feedback on the new dashboard, we fixed the export bug."),
        Other("春のセール開始！全商品20%オフ。", "新しい店舗が渋谷にオープンしました。"),
        Other("我们的新产品今天正式发布，欢迎大家试用！", "感谢大家参加昨天的线下活动，照片已经上传。"),
        Other("🎉🎉🎉", "☕"),
        Other("Happy Friday everyone! ☀️", "Happy Monday! What are you working on this week?"),
        Other("We're hiring a product designer in Berlin", "We're hiring a backend engineer in Lisbon"),
        Other("Get 10% off your first order with code WELCOME10", "Free shipping on all orders over $50 this week"),
        Other("오늘 새로운 기능을 출시했습니다!", "내일 서울에서 밋업이 열립니다."),
        Other("Our office is closed on Monday for the holiday.", "Our office moves to a new address on Monday."),
        Other("We're live on Product Hunt 🚀", "We're live on YouTube in 10 minutes 🎥"),
        Other("https://acme.example/launch", "https://acme.example/pricing"),
        Other("Check out our latest case study on how Nova grew 3x", "Check out our latest podcast episode with the founder of Nova"),
        Other("Thank you for 10,000 followers!", "Thank you to everyone who came to our booth at Web Summit!"),
        Other("ลดราคาพิเศษวันนี้เท่านั้น", "ขอบคุณลูกค้าทุกท่านที่ไว้วางใจเรา"),
        Other("限时优惠：全场八折", "限时优惠：买一送一"),
        Other("Reminder: webinar starts in 1 hour", "Reminder: submit your talk proposals by Friday"),
        Other("Thanks @ana for the kind words about our coffee!", "Thanks @ana for the bug report, a fix ships tomorrow."),
        Other("Five tips for better product photos: use natural light, clean backgrounds, and shoot at eye level.", "Five tips for better product descriptions: be specific, be brief, and lead with benefits."),
        Other("🎉 We just hit 1,000 customers 🎉", "🎉 We just shipped dark mode 🎉"),
        Other("Good morning! ☕ What's on your reading list this week?", "Good morning! ☕ Our café opens at 8 today."),
        Other("Thanks for following, Ana! Let us know if you have questions.", "Thanks Ana, great question: the API supports webhooks since version 2."),
        Other("新商品のご案内：春の限定ラテが登場しました。", "新商品のご案内：秋の限定ケーキが登場しました。"),
        Other("Our API now supports webhooks. Docs: https://acme.example/docs/webhooks", "Our API now supports bulk exports. Docs: https://acme.example/docs/exports"),
    ];

    private static LabelledPair Copy(string first, string second, string note) => new(first, second, IsNearDuplicate: true, note);

    private static LabelledPair Other(string first, string second) => new(first, second, IsNearDuplicate: false, "different post");
}
