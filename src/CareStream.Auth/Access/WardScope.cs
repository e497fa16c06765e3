namespace CareStream.Auth.Access;

/// <summary>
/// The wards whose patients a caller may see right now (guide S4). Administrators and <c>system/</c> clients are not
/// ward-bound (clients are bound by their scopes instead); staff see the wards they are assigned to, server-side.
/// </summary>
public sealed record WardScope(bool AllWards, IReadOnlySet<string> Wards)
{
    private static readonly IReadOnlySet<string> NoWards = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every ward: administrators and backend services.</summary>
    public static WardScope Unrestricted { get; } = new(true, NoWards);

    /// <summary>No ward: an unknown, disabled or unassigned user.</summary>
    public static WardScope None { get; } = new(false, NoWards);

    public static WardScope Of(IEnumerable<string> wards) => new(false, new HashSet<string>(wards, StringComparer.Ordinal));

    public bool Allows(string wardId) => AllWards || Wards.Contains(wardId);
}
