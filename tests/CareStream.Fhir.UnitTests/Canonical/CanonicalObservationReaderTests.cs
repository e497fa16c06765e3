using System.Text;
using CareStream.Fhir.Canonical;

namespace CareStream.Fhir.UnitTests.Canonical;

public sealed class CanonicalObservationReaderTests
{
    private const string Valid = """
        {"resourceType":"Observation","id":"abc","status":"final",
         "code":{"coding":[{"system":"http://loinc.org","code":"8867-4"},{"system":"urn:iso:std:iso:11073:10101","code":"147842"}]},
         "subject":{"reference":"Patient/p1"},"device":{"reference":"Device/d1"},
         "effectiveDateTime":"2026-01-15T10:30:00+01:00",
         "valueQuantity":{"value":61,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"},
         "note":[{"text":"skipped"}]}
        """;

    [Fact]
    public void GivenPropertiesInAnyOrderAndUnknownOnes_WhenRead_ThenTheReadingIsFound()
    {
        var reading = Assert.Single(CanonicalObservationReader.Read(Encoding.UTF8.GetBytes(Valid)));

        Assert.Equal((61d, "p1", "d1"), (reading.Value, reading.Patient.Value, reading.Device.Value));
    }

    [Theory]
    [InlineData("{", ObservationErrorCode.MalformedJson)]
    [InlineData("[]", ObservationErrorCode.MalformedJson)]
    [InlineData("\"resourceType\":\"Observation\"", ObservationErrorCode.UnsupportedResourceType)]
    [InlineData("\"status\":\"final\"", ObservationErrorCode.InvalidStatus)]
    [InlineData("\"code\":\"/min\"", ObservationErrorCode.InvalidUnit)]
    [InlineData("\"code\":\"147842\"", ObservationErrorCode.UnknownCode)]
    [InlineData("\"Patient/p1\"", ObservationErrorCode.MissingSubject)]
    [InlineData("\"Device/d1\"", ObservationErrorCode.MissingDevice)]
    [InlineData("\"2026-01-15T10:30:00+01:00\"", ObservationErrorCode.MissingEffective)]
    [InlineData("\"value\":61", ObservationErrorCode.MalformedJson)]
    public void GivenABrokenCanonicalObservation_WhenRead_ThenATypedExceptionNamesTheProblem(string replace, ObservationErrorCode expected)
    {
        var broken = replace switch
        {
            "{" or "[]" => replace,
            "\"resourceType\":\"Observation\"" => Valid.Replace(replace, "\"resourceType\":\"Patient\"", StringComparison.Ordinal),
            "\"status\":\"final\"" => Valid.Replace(replace, "\"status\":\"registered\"", StringComparison.Ordinal),
            "\"code\":\"/min\"" => Valid.Replace(replace, "\"code\":\"{beats}/min\"", StringComparison.Ordinal),
            "\"code\":\"147842\"" => Valid.Replace(replace, "\"code\":\"150022\"", StringComparison.Ordinal),
            "\"2026-01-15T10:30:00+01:00\"" => Valid.Replace(replace, "\"2026-01-15\"", StringComparison.Ordinal),
            "\"value\":61" => Valid.Replace(replace, "\"value\":\"61\"", StringComparison.Ordinal),
            _ => Valid.Replace(replace, "\"Group/x\"", StringComparison.Ordinal),
        };

        var error = Assert.Throws<FhirFormatException>(() => CanonicalObservationReader.Read(Encoding.UTF8.GetBytes(broken)));

        Assert.Equal(expected, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
