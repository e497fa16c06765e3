namespace CareStream.Auth.Scopes;

/// <summary>
/// A parsed SMART App Launch 2.x clinical scope: <c>&lt;context&gt;/&lt;Resource|*&gt;.&lt;cruds&gt;[?param=value&amp;…]</c>.
/// All <see cref="Constraints"/> must hold for a resource to fall under the scope.
/// </summary>
public sealed record SmartScope(
    SmartContext Context, string ResourceType, SmartPermissions Permissions, IReadOnlyList<ScopeConstraint> Constraints)
{
    /// <summary>The wildcard resource type.</summary>
    public const string AnyResource = "*";

    public bool AppliesTo(string resourceType) =>
        ResourceType == AnyResource || string.Equals(ResourceType, resourceType, StringComparison.Ordinal);

    public bool Grants(SmartInteraction interaction) => (Permissions & ToPermission(interaction)) != 0;

    public bool IsUnconstrained => Constraints.Count == 0;

    public static SmartPermissions ToPermission(SmartInteraction interaction) => interaction switch
    {
        SmartInteraction.Create => SmartPermissions.Create,
        SmartInteraction.Read => SmartPermissions.Read,
        SmartInteraction.Update => SmartPermissions.Update,
        SmartInteraction.Delete => SmartPermissions.Delete,
        SmartInteraction.Search => SmartPermissions.Search,
        _ => throw new ArgumentOutOfRangeException(nameof(interaction), interaction, "Unknown interaction."),
    };

    public override string ToString()
    {
        var context = Context.ToString().ToLowerInvariant();
        var letters = string.Concat(SmartScopeParser.Letters.Where(l => (Permissions & l.Permission) != 0).Select(l => l.Letter));
        var query = Constraints.Count == 0 ? "" : "?" + string.Join('&', Constraints.Select(c => $"{c.Parameter}={c.Value}"));
        return $"{context}/{ResourceType}.{letters}{query}";
    }

    public bool Equals(SmartScope? other) =>
        other is not null && Context == other.Context && ResourceType == other.ResourceType
        && Permissions == other.Permissions && Constraints.SequenceEqual(other.Constraints);

    public override int GetHashCode() => HashCode.Combine(Context, ResourceType, Permissions, Constraints.Count);
}
