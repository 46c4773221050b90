namespace MarketingOps.Plugins.Sandbox.Audience;

/// <summary>The raw material simulated people are made of. Names and companies are invented.</summary>
internal static class AudienceWords
{
    public static readonly string[] FirstNames =
    [
        "Ana", "Ben", "Chloé", "Dmitri", "Emeka", "Fatima", "Grace", "Hiro", "Ines", "Jonas", "Kavya", "Liam",
        "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Victor", "Wen", "Yara", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Moreno", "Okafor", "Lindqvist", "Tanaka", "Haddad", "Novak", "Costa", "Müller", "Nguyen", "Patel",
        "Kowalski", "Silva", "Dubois", "Osei", "Rossi", "Yilmaz", "Andersen", "Chen", "Ibrahim", "Walsh",
    ];

    public static readonly string[] Roles =
    [
        "Product designer", "Bakery owner", "Data analyst", "Marketing lead", "Physiotherapist", "Teacher",
        "Freelance photographer", "Founder", "Software engineer", "Community manager", "Chef", "Student",
    ];

    public static readonly string[] Companies =
    [
        "Northwind Studio", "Bluebell Bakery", "Fjord Analytics", "Lumen & Co", "Harbor Health", "Maple School",
        "Quietpeak", "Orbit Labs", "Juniper Kitchen", "Tidewater Books",
    ];

    public static readonly string[] Interests =
    [
        "trail running", "sourdough", "climate tech", "indie games", "urban gardening", "jazz", "typography",
        "cycling", "board games", "photography", "coffee roasting", "open source", "small business marketing",
        "ceramics", "travel on a budget", "vintage cameras",
    ];

    public static readonly string[] PostTemplates =
    [
        "Spent the whole weekend on {0}. No regrets.",
        "Anyone have a good beginner guide to {0}?",
        "Hot take: {0} is underrated.",
        "Three things I learned this month about {0} (thread)",
        "Finally tried {0} with friends today and loved it.",
        "Looking for people in my city into {0}.",
    ];

    public static readonly string[] MentionTemplates =
    [
        "@{0} what do you think about {1}?",
        "Thanks @{0} for the tip, it made my week of {1} easier.",
        "Has anyone worked with @{0}? Asking for a {1} project.",
        "Big fan of what @{0} is doing lately.",
    ];

    public static readonly string[] ReplyTemplates =
    [
        "Love this!",
        "Interesting, does this work for {0} too?",
        "Saved for later, thanks.",
        "Not sure I agree, but good point.",
        "Where can I read more?",
    ];

    public static readonly string[] MessageTemplates =
    [
        "Hi! Quick question about your last post, do you ship abroad?",
        "Hello, I run a small {0} community and would love to collaborate.",
        "Hey, is the offer from your post still on?",
    ];
}
