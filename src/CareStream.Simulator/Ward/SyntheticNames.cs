namespace CareStream.Simulator.Ward;

/// <summary>Invented names for simulated patients. Synthetic by construction; no real person.</summary>
internal static class SyntheticNames
{
    public static readonly string[] Family =
    [
        "Ashdown", "Brightwater", "Calloway", "Dunmore", "Elderberry", "Fairweather", "Greystone", "Hollowell",
        "Ironwood", "Juniper", "Kestrel", "Larkspur", "Merriweather", "Northcott", "Oakhurst", "Pennywhistle",
    ];

    public static readonly string[] Given =
    [
        "Alex", "Blair", "Casey", "Devon", "Emery", "Finley", "Gray", "Harper",
        "Indigo", "Jordan", "Kai", "Logan", "Morgan", "Noel", "Parker", "Quinn", "Riley", "Sage",
    ];
}
