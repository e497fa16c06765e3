using System.Text.Json.Nodes;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using Microsoft.Extensions.Time.Testing;

namespace CareStream.Fhir.UnitTests.Ingress;

/// <summary>
/// The narrative check (B8) lives in the shared parser, so direct Kafka producers meet the same refusal as HTTP:
/// active content in <c>text.div</c> rejects the Observation (dead-lettered with code UnsafeNarrative on Kafka).
/// </summary>
public sealed class DeviceObservationParserNarrativeTests
{
    private readonly DeviceObservationParser _parser = new(new FakeTimeProvider(DeviceJson.Effective.AddSeconds(2)));

    public static TheoryData<string> UnsafeDivs =>
    [
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"javascript:alert(1)\">x</a></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"x\" onerror=\"alert(1)\"/></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><iframe src=\"https://example.org\"></iframe></div>",
        "<div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a></div>",
    ];

    [Theory]
    [MemberData(nameof(UnsafeDivs))]
    public void GivenActiveContentInTheNarrative_WhenParsed_ThenTheObservationIsRejectedAsUnsafeNarrative(string div)
    {
        var observation = WithNarrative(DeviceJson.HeartRate(72), div);

        var result = _parser.Parse(DeviceJson.Bytes(observation));

        Assert.Empty(result.Readings);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((0, ObservationErrorCode.UnsafeNarrative), (rejection.EntryIndex, rejection.Code));
        Assert.Contains("text.div", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenPlainXhtmlNarrative_WhenParsed_ThenTheReadingIsAccepted()
    {
        var observation = WithNarrative(DeviceJson.HeartRate(72), "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Heart rate <b>72</b> /min</p></div>");

        var result = _parser.Parse(DeviceJson.Bytes(observation));

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void GivenABundleWithOneUnsafeNarrative_WhenParsed_ThenOnlyThatEntryIsRejected()
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(
                new JsonObject { ["resource"] = DeviceJson.HeartRate(70) },
                new JsonObject { ["resource"] = WithNarrative(DeviceJson.HeartRate(71), "<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>x()</script></div>") }),
        };

        var result = _parser.Parse(DeviceJson.Bytes(bundle));

        Assert.Equal(70, Assert.Single(result.Readings).Value);
        Assert.Equal((1, ObservationErrorCode.UnsafeNarrative), (Assert.Single(result.Rejections).EntryIndex, result.Rejections[0].Code));
    }

    private static JsonObject WithNarrative(JsonObject observation, string div)
    {
        observation["text"] = new JsonObject { ["status"] = "generated", ["div"] = div };
        return observation;
    }
}
