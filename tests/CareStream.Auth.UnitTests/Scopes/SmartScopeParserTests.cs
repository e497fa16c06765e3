using CareStream.Auth.Scopes;

namespace CareStream.Auth.UnitTests.Scopes;

public sealed class SmartScopeParserTests
{
    public static TheoryData<string, SmartContext, string, SmartPermissions, int> Valid => new()
    {
        { "patient/Observation.rs", SmartContext.Patient, "Observation", SmartPermissions.Read | SmartPermissions.Search, 0 },
        { "user/*.cruds", SmartContext.User, "*", SmartPermissions.All, 0 },
        { "system/Observation.c", SmartContext.System, "Observation", SmartPermissions.Create, 0 },
        { "user/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs", SmartContext.User, "Observation", SmartPermissions.Read | SmartPermissions.Search, 1 },
        { "user/Observation.rs?category=vital-signs&status=final", SmartContext.User, "Observation", SmartPermissions.Read | SmartPermissions.Search, 2 },
        { "patient/Patient.read", SmartContext.Patient, "Patient", SmartPermissions.Read | SmartPermissions.Search, 0 },
        { "user/Observation.write", SmartContext.User, "Observation", SmartPermissions.Create | SmartPermissions.Update | SmartPermissions.Delete, 0 },
        { "system/*.*", SmartContext.System, "*", SmartPermissions.All, 0 },
        { "user/Encounter.ud", SmartContext.User, "Encounter", SmartPermissions.Update | SmartPermissions.Delete, 0 },
    };

    public static TheoryData<string> Invalid =>
    [
        "", "openid", "offline_access", "launch/patient", "fhirUser",
        "admin/Observation.rs", "user/observation.rs", "user/Observation.sr", "user/Observation.rr", "user/Observation.x",
        "user/Observation.", "user/Observation", "user/.rs", "user/Observation.rs?", "user/Observation.rs?category",
        "user/Observation.rs?category=", "user/Observation.rs?=x", "User/Observation.rs", "user/Observation.rs ",
    ];

    [Theory]
    [MemberData(nameof(Valid))]
    public void GivenValidScope_WhenParsed_ThenPartsMatch(string text, SmartContext context, string resource, SmartPermissions permissions, int constraints)
    {
        var ok = SmartScopeParser.TryParse(text, out var scope);

        Assert.True(ok);
        Assert.Equal(context, scope!.Context);
        Assert.Equal(resource, scope.ResourceType);
        Assert.Equal(permissions, scope.Permissions);
        Assert.Equal(constraints, scope.Constraints.Count);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void GivenNonClinicalOrMalformedScope_WhenParsed_ThenRejected(string text)
    {
        var ok = SmartScopeParser.TryParse(text, out var scope);

        Assert.False(ok);
        Assert.Null(scope);
    }

    [Fact]
    public void GivenGranularScope_WhenParsed_ThenConstraintKeepsSystemAndCode()
    {
        var ok = SmartScopeParser.TryParse("user/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs", out var scope);

        var constraint = Assert.Single(scope!.Constraints);
        Assert.True(ok);
        Assert.Equal("category", constraint.Parameter);
        Assert.True(constraint.Matches("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"));
        Assert.False(constraint.Matches("http://example.org/other", "vital-signs"));
        Assert.False(constraint.Matches("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory"));
    }

    [Fact]
    public void GivenNull_WhenParsed_ThenRejected()
    {
        var ok = SmartScopeParser.TryParse(null, out _);

        Assert.False(ok);
    }

    [Fact]
    public void GivenTokenScopeString_WhenParsedAll_ThenOnlyClinicalScopesKeptAndRoundTrip()
    {
        var scopes = SmartScopeParser.ParseAll(["openid fhirUser user/Observation.rs", "system/Observation.c offline_access"]);

        var texts = scopes.Select(s => s.ToString());

        Assert.Equal(["user/Observation.rs", "system/Observation.c"], texts);
    }
}
