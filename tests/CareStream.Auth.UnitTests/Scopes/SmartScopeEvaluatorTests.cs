using CareStream.Auth.Scopes;

namespace CareStream.Auth.UnitTests.Scopes;

/// <summary>Guide S1 table: every resource × interaction × scope kind (context × permission set × granularity).</summary>
public sealed class SmartScopeEvaluatorTests
{
    private const string VitalSigns = "http://terminology.hl7.org/CodeSystem/observation-category|vital-signs";

    private static readonly string[] Resources = ["Observation", "Patient", "Encounter", "AuditEvent"];
    private static readonly string[] Contexts = ["patient", "user", "system"];
    private static readonly (string Letters, SmartInteraction[] Grants)[] PermissionSets =
    [
        ("rs", [SmartInteraction.Read, SmartInteraction.Search]),
        ("c", [SmartInteraction.Create]),
        ("cruds", Enum.GetValues<SmartInteraction>()),
        ("read", [SmartInteraction.Read, SmartInteraction.Search]),
        ("write", [SmartInteraction.Create, SmartInteraction.Update, SmartInteraction.Delete]),
    ];

    /// <summary>(scope, resource, interaction, expected: "allow" | "deny" | "filter").</summary>
    public static TheoryData<string, string, SmartInteraction, string> Table
    {
        get
        {
            var table = new TheoryData<string, string, SmartInteraction, string>();
            foreach (var context in Contexts)
            {
                foreach (var (letters, grants) in PermissionSets)
                {
                    foreach (var scopedResource in new[] { "Observation", "*" })
                    {
                        foreach (var granular in new[] { false, true })
                        {
                            if (granular && letters is "read" or "write")
                            {
                                continue;
                            }

                            var scope = $"{context}/{scopedResource}.{letters}" + (granular ? "?category=" + VitalSigns : "");
                            foreach (var resource in Resources)
                            {
                                foreach (var interaction in Enum.GetValues<SmartInteraction>())
                                {
                                    var covered = (scopedResource == "*" || scopedResource == resource) && grants.Contains(interaction);
                                    table.Add(scope, resource, interaction, !covered ? "deny" : granular ? "filter" : "allow");
                                }
                            }
                        }
                    }
                }
            }

            return table;
        }
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void GivenSingleScope_WhenRequestEvaluated_ThenDecisionMatchesTable(string scope, string resource, SmartInteraction interaction, string expected)
    {
        var decision = SmartScopeEvaluator.Evaluate([scope], new ScopeRequest(resource, interaction));

        var actual = decision switch
        {
            ScopeDecision.Allow => "allow",
            ScopeDecision.Deny => "deny",
            _ => "filter",
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void GivenNoScopes_WhenEvaluated_ThenDenied()
    {
        var decision = SmartScopeEvaluator.Evaluate(Array.Empty<string>(), new ScopeRequest("Observation", SmartInteraction.Read));

        Assert.IsType<ScopeDecision.Deny>(decision);
    }

    [Fact]
    public void GivenGranularAndBroadScopes_WhenEvaluated_ThenBroadScopeWins()
    {
        var decision = SmartScopeEvaluator.Evaluate(
            ["user/Observation.rs?category=" + VitalSigns, "user/Observation.rs"], new ScopeRequest("Observation", SmartInteraction.Search));

        Assert.IsType<ScopeDecision.Allow>(decision);
    }

    [Fact]
    public void GivenTwoGranularScopes_WhenEvaluated_ThenFilterIsTheirUnion()
    {
        var decision = SmartScopeEvaluator.Evaluate(
            ["user/Observation.rs?category=vital-signs", "user/Observation.rs?category=laboratory"], new ScopeRequest("Observation", SmartInteraction.Search));

        var filter = Assert.IsType<ScopeDecision.Filter>(decision);
        Assert.True(filter.Permits(_ => [(null, "laboratory")]));
        Assert.True(filter.Permits(_ => [("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs")]));
        Assert.False(filter.Permits(_ => [(null, "imaging")]));
    }

    [Fact]
    public void GivenDeviceAdapterScope_WhenReading_ThenDenied()
    {
        var read = SmartScopeEvaluator.Evaluate(["system/Observation.c"], new ScopeRequest("Observation", SmartInteraction.Read));
        var create = SmartScopeEvaluator.Evaluate(["system/Observation.c"], new ScopeRequest("Observation", SmartInteraction.Create));

        Assert.IsType<ScopeDecision.Deny>(read);
        Assert.IsType<ScopeDecision.Allow>(create);
    }
}
