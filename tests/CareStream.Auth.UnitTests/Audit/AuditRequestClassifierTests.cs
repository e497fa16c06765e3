using CareStream.Auth.Audit;
using Microsoft.AspNetCore.Http;

namespace CareStream.Auth.UnitTests.Audit;

/// <summary>Which requests the audit middleware records, as what, with which patient; and what it keeps of the query.</summary>
public sealed class AuditRequestClassifierTests
{
    public static TheoryData<string, string, AuditInteraction, string, string?, string?, string?> Audited => new()
    {
        { "GET", "/fhir/Observation?patient=Patient/p1", AuditInteraction.Search, "Observation", null, "p1", null },
        { "GET", "/fhir/Observation?subject=p2&code=8867-4", AuditInteraction.Search, "Observation", null, "p2", null },
        { "GET", "/fhir/Observation?patient=p1,p2", AuditInteraction.Search, "Observation", null, null, null },
        { "POST", "/fhir/Observation/_search", AuditInteraction.Search, "Observation", null, null, null },
        { "GET", "/fhir/Observation/o1", AuditInteraction.Read, "Observation", "o1", null, null },
        { "PUT", "/fhir/Observation/o1", AuditInteraction.Update, "Observation", "o1", null, null },
        { "PATCH", "/fhir/Observation/o1", AuditInteraction.Patch, "Observation", "o1", null, null },
        { "GET", "/fhir/Observation/o1/_history", AuditInteraction.History, "Observation", "o1", null, null },
        { "GET", "/fhir/Observation/o1/_history/3", AuditInteraction.VRead, "Observation", "o1/_history/3", null, null },
        { "GET", "/fhir/Observation/$lastn?patient=p1", AuditInteraction.Operation, "Observation", null, "p1", "$lastn" },
        { "GET", "/fhir/Patient/p7", AuditInteraction.Read, "Patient", "p7", "p7", null },
        { "GET", "/fhir/Patient/p7/$news2-history", AuditInteraction.Operation, "Patient", "p7", "p7", "$news2-history" },
        { "POST", "/fhir/Subscription", AuditInteraction.Create, "Subscription", null, null, null },
        { "DELETE", "/fhir/Subscription/s1", AuditInteraction.Delete, "Subscription", "s1", null, null },
        { "POST", "/api/patients/p3/alarms/e1/acknowledge", AuditInteraction.Operation, "Flag", "e1", "p3", "acknowledge" },
        { "POST", "/api/patients/p3/alarms/e1/audio-pause", AuditInteraction.Operation, "Flag", "e1", "p3", "audio-pause" },
        { "PUT", "/api/patients/p3/charting", AuditInteraction.Update, "Patient", "p3", "p3", "charting" },
        { "PUT", "/api/patients/p3/limits", AuditInteraction.Update, "Patient", "p3", "p3", "limits" },
        { "DELETE", "/api/patients/p3/limits", AuditInteraction.Delete, "Patient", "p3", "p3", "limits" },
        { "GET", "/api/patients/p3/limits/history", AuditInteraction.History, "Patient", "p3", "p3", "limits/history" },
        { "POST", "/api/alarms/what-if", AuditInteraction.Operation, "Location", null, null, "what-if" },
        { "POST", "/api/adt/admit", AuditInteraction.Create, "Encounter", null, null, "admit" },
        { "POST", "/api/adt/devices/mon-1/associate", AuditInteraction.Update, "Device", "mon-1", null, "associate" },
        { "POST", "/api/break-glass?patient=p9", AuditInteraction.Create, "Consent", null, "p9", "break-glass" },
    };

    [Theory]
    [MemberData(nameof(Audited))]
    public void GivenPatientDataRequest_WhenClassified_ThenAuditedAs(
        string method, string url, AuditInteraction interaction, string type, string? id, string? patient, string? operation)
    {
        var request = Request(method, url);

        var target = AuditRequestClassifier.Classify(request);

        Assert.NotNull(target);
        Assert.Equal((interaction, type, id, patient, operation), (target.Interaction, target.ResourceType, target.ResourceId, target.PatientId, target.Operation));
        Assert.False(target.DeniedOnly);
    }

    [Theory]
    [InlineData("GET", "/fhir/metadata")]
    [InlineData("GET", "/fhir/.well-known/smart-configuration")]
    [InlineData("GET", "/healthz/ready")]
    [InlineData("GET", "/api/system")]
    [InlineData("GET", "/fhirish/Observation")]
    [InlineData("POST", "/connect/token")]
    [InlineData("GET", "/dashboard/index.html")]
    public void GivenRequestWithoutPatientData_WhenClassified_ThenNotAudited(string method, string url)
    {
        var request = Request(method, url);

        var target = AuditRequestClassifier.Classify(request);

        Assert.Null(target);
    }

    [Fact]
    public void GivenHubConnection_WhenClassified_ThenAuditedOnlyWhenRefused()
    {
        var request = Request("POST", "/hubs/ward/negotiate?negotiateVersion=1");

        var target = AuditRequestClassifier.Classify(request);

        Assert.True(target!.DeniedOnly);
    }

    [Theory]
    [InlineData("?patient=p1&access_token=eyJabc", "patient=p1")]
    [InlineData("?name=Rivera&_count=10", "name=redacted&_count=10")]
    [InlineData("?family:exact=Rivera&given=Ana&birthdate=ge1970", "family:exact=redacted&given=redacted&birthdate=redacted")]
    [InlineData("?identifier=MRN-1", "identifier=MRN-1")]
    [InlineData("?access_token=eyJabc", null)]
    [InlineData("", null)]
    public void GivenQueryString_WhenCleaned_ThenTokenDroppedAndNamesRedacted(string query, string? expected)
    {
        var cleaned = AuditQuery.Clean(query);

        Assert.Equal(expected, cleaned);
    }

    private static HttpRequest Request(string method, string url)
    {
        var context = new DefaultHttpContext();
        var question = url.IndexOf('?', StringComparison.Ordinal);
        context.Request.Method = method;
        context.Request.Path = question < 0 ? url : url[..question];
        context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(url[question..]);
        return context.Request;
    }
}
