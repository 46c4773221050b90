using System.Globalization;

namespace MarketingOps.Plugins.Sandbox.Audience;

/// <summary>A fixed crowd drawn from the seed; every event's author comes from it, so every handle in an event has a profile.</summary>
internal sealed class PeoplePool
{
    public const int Size = 400;

    private readonly SimulatedPerson[] _people = new SimulatedPerson[Size];
    private readonly Dictionary<string, SimulatedPerson> _byHandle = new(StringComparer.OrdinalIgnoreCase);

    public PeoplePool(long seed)
    {
        for (var i = 0; i < Size; i++)
        {
            var stream = StableHash.Of(seed, "person", i.ToString(CultureInfo.InvariantCulture));
            var first = Pick(AudienceWords.FirstNames, stream, 0);
            var last = Pick(AudienceWords.LastNames, stream, 1);
            var interest = Pick(AudienceWords.Interests, stream, 2);
            var second = Pick(AudienceWords.Interests, stream, 3);
            var handle = $"{Ascii(first)}_{Ascii(last)}{i}".ToLowerInvariant();
            var bio = $"{Pick(AudienceWords.Roles, stream, 4)} at {Pick(AudienceWords.Companies, stream, 5)}. Into {interest} and {second}.";
            var posts = Enumerable.Range(0, 3)
                .Select(p => string.Format(CultureInfo.InvariantCulture, Pick(AudienceWords.PostTemplates, stream, 6 + p), p == 1 ? second : interest))
                .ToArray();
            var person = new SimulatedPerson(handle, $"{first} {last}", bio, interest, posts);
            _people[i] = person;
            _byHandle[handle] = person;
        }
    }

    public SimulatedPerson this[ulong draw] => _people[(int)(draw % Size)];

    public SimulatedPerson? Find(string handle) => _byHandle.GetValueOrDefault(handle.TrimStart('@'));

    public static string Pick(string[] words, ulong stream, long index) => words[(int)(StableHash.At(stream, index) % (ulong)words.Length)];

    // Handles are ASCII like on most networks; display names keep their accents.
    private static string Ascii(string name) =>
        new(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray());
}
