using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Storage.Notifications;

namespace CareStream.Notifications.UnitTests;

public sealed class FlagCriteriaTests
{
    public static TheoryData<string, string, AlarmPriority, AlarmCategory, string?, bool> Matching => new()
    {
        // criteria, patient, priority, category, ward, matches
        { "Flag", "pat-1", AlarmPriority.Low, AlarmCategory.Physiological, null, true },
        { "Flag?patient=Patient/pat-1", "pat-1", AlarmPriority.High, AlarmCategory.Physiological, null, true },
        { "Flag?subject=pat-1,pat-2", "pat-2", AlarmPriority.High, AlarmCategory.Physiological, null, true },
        { "Flag?patient=pat-1", "pat-9", AlarmPriority.High, AlarmCategory.Physiological, null, false },
        { "Flag?ward=ward-3", "pat-1", AlarmPriority.High, AlarmCategory.Physiological, "ward-3", true },
        { "Flag?ward=ward-3", "pat-1", AlarmPriority.High, AlarmCategory.Physiological, "ward-4", false },
        { "Flag?ward=ward-3", "pat-1", AlarmPriority.High, AlarmCategory.Physiological, null, false },
        { "Flag?priority=PH,PM", "pat-1", AlarmPriority.Medium, AlarmCategory.Physiological, null, true },
        { "Flag?priority=PH", "pat-1", AlarmPriority.Low, AlarmCategory.Physiological, null, false },
        { "Flag?priority=http://terminology.hl7.org/CodeSystem/flag-priority-code|PH", "pat-1", AlarmPriority.High, AlarmCategory.Physiological, null, true },
        { "Flag?category=technical", "pat-1", AlarmPriority.Medium, AlarmCategory.Technical, null, true },
        { "Flag?category=technical", "pat-1", AlarmPriority.Medium, AlarmCategory.Physiological, null, false },
        { "Flag?ward=ward%2D3&priority=PH", "pat-1", AlarmPriority.High, AlarmCategory.Physiological, "ward-3", true },
        { "Flag?ward=ward-3&priority=PH", "pat-1", AlarmPriority.Medium, AlarmCategory.Physiological, "ward-3", false },
    };

    [Theory]
    [MemberData(nameof(Matching))]
    public void GivenSupportedCriteria_WhenMatchedAgainstAnEpisode_ThenFiltersAsDocumented(
        string criteria, string patient, AlarmPriority priority, AlarmCategory category, string? ward, bool expected)
    {
        var parsed = FlagCriteria.TryParse(criteria, out var error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(expected, parsed.Matches(Episodes.Of(patient, priority, category), ward is null ? null : new WardId(ward)));
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("Observation?patient=1", "only Flag")]
    [InlineData("Flag?_has:Observation:subject:code=1", "'_has:Observation:subject:code' is not supported")]
    [InlineData("Flag?patient:missing=true", "'patient:missing' is not supported")]
    [InlineData("Flag?status=active", "'status' is not supported")]
    [InlineData("Flag?priority=PX", "'PX' is not PH, PM or PL")]
    [InlineData("Flag?category=clinical", "not physiological or technical")]
    [InlineData("Flag?patient=1&subject=2", "repeated")]
    [InlineData("Flag?ward=", "empty value")]
    [InlineData("Flag?patient=Encounter/1", "Patient/<id>")]
    public void GivenUnsupportedCriteria_WhenParsed_ThenRefusedWithAReason(string? criteria, string reason)
    {
        var parsed = FlagCriteria.TryParse(criteria, out var error);

        Assert.Null(parsed);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
