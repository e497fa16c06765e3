using System.Reflection;

namespace CareStream.ArchitectureTests.Dependencies;

/// <summary>
/// Enforces style.md section 3. The compiled assemblies show what code really uses; the project files show
/// what is merely referenced (GetReferencedAssemblies omits assemblies no code touches yet), so both are checked.
/// </summary>
public sealed class DependencyRulesTests
{
    public static TheoryData<string, string> Rules => DependencyRules.Table;

    [Theory]
    [MemberData(nameof(Rules))]
    public void GivenCompiledLibrary_WhenReferencesInspected_ThenForbiddenAssemblyAbsent(string project, string forbidden)
    {
        var assembly = Assembly.Load(new AssemblyName(project));

        var offending = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "")
            .Where(name => DependencyRules.Matches(name, forbidden));

        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void GivenProjectFile_WhenReferencesInspected_ThenForbiddenReferenceAbsent(string project, string forbidden)
    {
        var references = ProjectFile.References(project);

        var offending = references.Where(name => DependencyRules.Matches(name, forbidden));

        Assert.Empty(offending);
    }

    [Fact]
    public void GivenSourceFolder_WhenProjectsListed_ThenEachHasDependencyRule()
    {
        var projects = ProjectFile.SourceProjects();

        var uncovered = projects.Except(DependencyRules.Covered);

        Assert.NotEmpty(projects);
        Assert.Empty(uncovered);
    }

    [Fact]
    public void GivenRuleTable_WhenMatching_ThenPrefixMatchesWholeNameSegmentsOnly()
    {
        var matches = new[] { "Hl7.Fhir.R4", "Hl7", "Hl7Extra" }.Where(n => DependencyRules.Matches(n, "Hl7"));

        Assert.Equal(["Hl7.Fhir.R4", "Hl7"], matches);
    }
}
