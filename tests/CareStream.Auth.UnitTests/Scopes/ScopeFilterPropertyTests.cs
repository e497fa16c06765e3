using CareStream.Auth.Scopes;
using FsCheck;
using FsCheck.Fluent;

namespace CareStream.Auth.UnitTests.Scopes;

/// <summary>
/// Guide S1 property: over ≥ 1000 random (granted scopes, query) pairs on a mixed data set, a search or read returns
/// 0 resources outside what some granted scope covers, and (completeness) every covered, matching resource is returned.
/// The oracle below re-implements coverage independently of <see cref="SmartScopeEvaluator"/>.
/// </summary>
public sealed class ScopeFilterPropertyTests
{
    private const int Cases = 2000;
    private const string CategorySystem = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static readonly string[] Categories = ["vital-signs", "laboratory", "imaging", "survey", "social-history"];
    private static readonly string[] Types = ["Observation", "Patient", "Encounter"];

    private sealed record Row(string Type, string? CategorySystem, string Category);

    private static readonly Row[] Data =
    [
        .. Categories.SelectMany(c => new[] { new Row("Observation", CategorySystem, c), new Row("Observation", "http://example.org/local", c) }),
        new Row("Patient", null, "none"), new Row("Encounter", null, "none"),
    ];

    private static readonly Gen<string> ScopeGen =
        from context in Gen.Elements("patient", "user", "system")
        from resource in Gen.Elements("Observation", "Patient", "Encounter", "*")
        from letters in Gen.Elements("rs", "r", "s", "c", "cruds", "cu", "read", "write", "*")
        from constraint in Gen.Elements("", "?category=vital-signs", $"?category={CategorySystem}|vital-signs", $"?category={CategorySystem}|laboratory", "?category=imaging")
        select $"{context}/{resource}.{letters}" + (letters is "read" or "write" or "*" ? "" : constraint);

    private static readonly Gen<(string[] Scopes, string Type, SmartInteraction Interaction, string? Category)> CaseGen =
        from count in Gen.Choose(1, 3)
        from scopes in Gen.ArrayOf(ScopeGen, count)
        from type in Gen.Elements(Types)
        from interaction in Gen.Elements(SmartInteraction.Read, SmartInteraction.Search)
        from category in Gen.Elements<string?>(null, "vital-signs", "laboratory", "imaging")
        select (scopes, type, interaction, category);

    [Fact]
    public void GivenRandomScopesAndQueries_WhenFiltered_ThenNoResourceOutsideGrantedScopesAndNoneMissing()
    {
        var leaks = 0;
        var missing = 0;
        var filtered = 0;
        var nonEmpty = 0;

        foreach (var (scopes, type, interaction, category) in CaseGen.Sample(Cases, new Rnd(20261125), 10))
        {
            var decision = SmartScopeEvaluator.Evaluate(scopes, new ScopeRequest(type, interaction));
            var matching = Data.Where(r => r.Type == type && (category is null || r.Category == category)).ToList();
            var returned = Execute(decision, matching);

            leaks += returned.Count(r => !Covered(scopes, r, interaction));
            missing += matching.Count(r => Covered(scopes, r, interaction) && !returned.Contains(r));
            filtered += decision is ScopeDecision.Filter ? 1 : 0;
            nonEmpty += returned.Count > 0 ? 1 : 0;
        }

        Assert.Equal(0, leaks);
        Assert.Equal(0, missing);
        Assert.True(filtered > Cases / 20, $"only {filtered} cases exercised a granular filter");
        Assert.True(nonEmpty > Cases / 10, $"only {nonEmpty} cases returned anything: the property must not pass vacuously");
    }

    [Fact]
    public void GivenVitalSignsOnlyScope_WhenSearchingEveryCategory_ThenZeroLaboratoryObservations()
    {
        var decision = SmartScopeEvaluator.Evaluate(
            [$"user/Observation.rs?category={CategorySystem}|vital-signs"], new ScopeRequest("Observation", SmartInteraction.Search));

        var returned = Execute(decision, [.. Data.Where(r => r.Type == "Observation")]);

        var only = Assert.Single(returned);
        Assert.Equal(("vital-signs", CategorySystem), (only.Category, only.CategorySystem));
    }

    private static List<Row> Execute(ScopeDecision decision, IReadOnlyList<Row> candidates) => decision switch
    {
        ScopeDecision.Allow => [.. candidates],
        ScopeDecision.Filter filter => [.. candidates.Where(r => filter.Permits(p => p == "category" && r.Type == "Observation" ? [(r.CategorySystem, r.Category)] : []))],
        _ => [],
    };

    /// <summary>The oracle: some scope names the type (or *), grants the interaction, and every constraint holds.</summary>
    private static bool Covered(string[] scopes, Row row, SmartInteraction interaction) => scopes.Any(text =>
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var dot = text.IndexOf('.', slash);
        var query = text.IndexOf('?', StringComparison.Ordinal);
        var resource = text[(slash + 1)..dot];
        var letters = query < 0 ? text[(dot + 1)..] : text[(dot + 1)..query];
        var grants = letters switch
        {
            "read" => "rs",
            "write" => "cud",
            "*" => "cruds",
            _ => letters,
        };
        var letter = interaction == SmartInteraction.Read ? 'r' : 's';
        if ((resource != "*" && resource != row.Type) || !grants.Contains(letter, StringComparison.Ordinal))
        {
            return false;
        }

        if (query < 0)
        {
            return true;
        }

        var value = text[(text.IndexOf('=', query) + 1)..];
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        return row.Type == "Observation" && (bar < 0
            ? value == row.Category
            : value[..bar] == row.CategorySystem && value[(bar + 1)..] == row.Category);
    });
}
