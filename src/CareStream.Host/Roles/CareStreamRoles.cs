namespace CareStream.Host.Roles;

/// <summary>
/// Which parts of CareStream this process runs. One binary, many roles (like Mimir or Temporal):
/// <c>--roles all</c> on a laptop, <c>--roles ingest</c> / <c>store</c> / <c>rules</c> / <c>notify</c> / <c>api,live</c> in a cluster.
/// </summary>
public sealed record CareStreamRoles(bool Ingest, bool Store, bool Rules, bool Live, bool Api, bool Simulator, bool Notify = false)
{
    public const string ConfigurationKey = "Roles";

    private static readonly string[] Known = ["all", "ingest", "store", "rules", "live", "api", "notify", "simulator"];

    /// <summary>The names of the active roles, in a stable order, for logs and <c>/api/system</c>.</summary>
    public IReadOnlyList<string> Names =>
        new (bool On, string Name)[]
        {
            (Ingest, "ingest"), (Store, "store"), (Rules, "rules"), (Live, "live"), (Api, "api"), (Notify, "notify"), (Simulator, "simulator"),
        }.Where(r => r.On).Select(r => r.Name).ToArray();

    /// <summary>Parses a comma-separated role list. <c>all</c> means every server role; the simulator is opt-in.</summary>
    /// <exception cref="ArgumentException">An unknown role name, naming the setting and the valid values.</exception>
    public static CareStreamRoles Parse(string? value)
    {
        var names = (string.IsNullOrWhiteSpace(value) ? "all" : value)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant())
            .ToHashSet();

        var unknown = names.Where(n => !Known.Contains(n)).ToArray();
        if (unknown.Length > 0 || names.Count == 0)
        {
            throw new ArgumentException(
                $"Setting '{ConfigurationKey}' (--roles) has unknown role(s) '{string.Join(", ", unknown)}'. " +
                $"Valid: {string.Join(", ", Known)}.");
        }

        var all = names.Contains("all");
        return new CareStreamRoles(
            Ingest: all || names.Contains("ingest"),
            Store: all || names.Contains("store"),
            Rules: all || names.Contains("rules"),
            Live: all || names.Contains("live"),
            Api: all || names.Contains("api"),
            Simulator: names.Contains("simulator"),
            Notify: all || names.Contains("notify"));
    }
}
