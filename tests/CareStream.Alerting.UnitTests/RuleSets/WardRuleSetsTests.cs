using CareStream.Alerting.RuleSets;
using CareStream.Domain;
using CareStream.Rules.RuleSets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.UnitTests.RuleSets;

public sealed class WardRuleSetsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("carestream-rulesets-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void GivenNoDirectory_WhenRuleSetRequested_ThenShippedDefaultForThatWard()
    {
        var sets = Create(directory: null);
        sets.Initialize();

        var ruleSet = sets.For(new WardId("ward-3"));

        Assert.Equal("adult-general-default", ruleSet.Id);
        Assert.Equal("ward-3", ruleSet.Ward);
        Assert.Same(ruleSet, sets.For(new WardId("ward-3")));
    }

    [Fact]
    public void GivenWardFile_WhenInitialized_ThenWardUsesItAndOtherWardsTheDefault()
    {
        Write("ward-3", Json("ward-3", version: 4));
        var sets = Create(_directory);

        sets.Initialize();

        Assert.Equal(4, sets.For(new WardId("ward-3")).Version);
        Assert.Equal("adult-general-default", sets.For(new WardId("ward-9")).Id);
    }

    [Fact]
    public void GivenInvalidFileAtStart_WhenInitialized_ThenStartFailsNamingFileAndField()
    {
        Write("ward-3", """{ "id": "x", "version": 0, "ward": "ward-3" }""");
        var sets = Create(_directory);

        var error = Assert.Throws<InvalidOperationException>(sets.Initialize);

        Assert.Contains("ward-3.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("version", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void GivenFileForAnotherWard_WhenInitialized_ThenStartFails()
    {
        Write("ward-3", Json("ward-4", version: 1));
        var sets = Create(_directory);

        var error = Assert.Throws<InvalidOperationException>(sets.Initialize);

        Assert.Contains("ward-4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenLoadedFile_WhenChangedAndRefreshed_ThenNewVersionIsInForceWithoutRestart()
    {
        Write("ward-3", Json("ward-3", version: 1));
        var sets = Create(_directory);
        sets.Initialize();

        Write("ward-3", Json("ward-3", version: 2), File.GetLastWriteTimeUtc(Path.Combine(_directory, "ward-3.json")).AddSeconds(1));
        sets.Refresh();

        Assert.Equal(2, sets.For(new WardId("ward-3")).Version);
    }

    [Fact]
    public void GivenLoadedFile_WhenEditedIntoInvalidJson_ThenPreviousVersionStaysInForce()
    {
        Write("ward-3", Json("ward-3", version: 1));
        var sets = Create(_directory);
        sets.Initialize();

        Write("ward-3", "{ \"id\": ", File.GetLastWriteTimeUtc(Path.Combine(_directory, "ward-3.json")).AddSeconds(1));
        sets.Refresh();

        Assert.Equal(1, sets.For(new WardId("ward-3")).Version);
        Assert.Equal("ward-3-set", sets.For(new WardId("ward-3")).Id);
    }

    [Fact]
    public void GivenDefaultFile_WhenWardHasNoOwnFile_ThenDefaultFileApplies()
    {
        Write(WardRuleSets.DefaultFileName, Json("any", version: 7));
        var sets = Create(_directory);

        sets.Initialize();

        Assert.Equal(7, sets.For(new WardId("ward-9")).Version);
        Assert.Equal(7, sets.For(ward: null).Version);
    }

    [Fact]
    public void GivenLoadedFile_WhenDeletedAndRefreshed_ThenWardFallsBackToDefault()
    {
        Write("ward-3", Json("ward-3", version: 5));
        var sets = Create(_directory);
        sets.Initialize();

        File.Delete(Path.Combine(_directory, "ward-3.json"));
        sets.Refresh();

        Assert.Equal("adult-general-default", sets.For(new WardId("ward-3")).Id);
    }

    private static WardRuleSets Create(string? directory) =>
        new(Options.Create(new AlertingOptions { RuleSetDirectory = directory }), NullLogger<WardRuleSets>.Instance);

    private static string Json(string ward, int version) =>
        System.Text.Json.JsonSerializer.Serialize(DefaultRuleSet.Create(ward, "ward-3-set", version), RuleSetLoader.JsonOptions);

    private void Write(string ward, string json, DateTime? writtenAt = null)
    {
        var path = Path.Combine(_directory, ward + ".json");
        File.WriteAllText(path, json);
        if (writtenAt is { } at)
        {
            File.SetLastWriteTimeUtc(path, at);
        }
    }
}
