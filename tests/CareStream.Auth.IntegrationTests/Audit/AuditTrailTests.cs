using System.Diagnostics;
using System.Text;
using CareStream.Auth.Audit;
using CareStream.Testing.Auth;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.Auth.IntegrationTests.Audit;

/// <summary>
/// Guide A10 on real PostgreSQL: N mixed requests (reads, searches, commands, refused ones without a token, with an
/// expired or wrong-role token, a server failure, hub joins) leave exactly one AuditEvent each, with the right who,
/// what, patient, outcome, trace id and address; nothing else is audited; no token or patient name is ever stored.
/// </summary>
public sealed class AuditTrailTests(AuditedHost host) : IClassFixture<AuditedHost>
{
    private const string PatientName = "Rivera";
    private const string BirthDate = "1970-01-01";

    private string Nurse => host.Tokens.Nurse();

    [Fact]
    public async System.Threading.Tasks.Task GivenMixedRequests_WhenServed_ThenOneAuditEventPerPatientDataRequestWithItsFields()
    {
        var before = (await host.RowsWhenAtLeastAsync(0)).Count;
        var device = host.Tokens.DeviceAdapter();
        var expired = host.Tokens.ForUser("usr-nurse-anna", CareStreamRoles.Nurse, TestTokens.ClinicianScopes, TimeSpan.FromMinutes(-5));
        Case[] cases =
        [
            new("GET", "/fhir/metadata", null, 200, null, null, null),
            new("GET", "/healthz/live", null, 200, null, null, null),
            new("GET", "/fhir/Observation?patient=Patient/pat-1&code=8867-4", Nurse, 200, "usr-nurse-anna", "pat-1", "search-type"),
            new("GET", "/fhir/Observation?patient=pat-2", null, 401, AuditAgent.Anonymous, "pat-2", "search-type"),
            new("GET", "/fhir/Observation?patient=pat-2", expired, 401, AuditAgent.Anonymous, "pat-2", "search-type"),
            new("GET", "/fhir/Observation?subject=pat-2", device, 403, "carestream-device-adapter", "pat-2", "search-type"),
            new("GET", "/fhir/Observation/obs-1", Nurse, 200, "usr-nurse-anna", null, "read"),
            new("GET", "/fhir/Observation/missing", Nurse, 404, "usr-nurse-anna", null, "read"),
            new("GET", "/fhir/Observation/obs-1/_history/2", Nurse, 200, "usr-nurse-anna", null, "vread"),
            new("GET", "/fhir/Observation/$lastn?patient=pat-1", Nurse, 200, "usr-nurse-anna", "pat-1", "operation"),
            new("GET", "/fhir/Patient/pat-3", Nurse, 200, "usr-nurse-anna", "pat-3", "read"),
            new("GET", $"/fhir/Patient?name={PatientName}&birthdate={BirthDate}", Nurse, 200, "usr-nurse-anna", null, "search-type"),
            new("GET", "/fhir/Encounter/enc-1", Nurse, 404, "usr-nurse-anna", null, "read"),
            new("POST", "/fhir/Subscription", Nurse, 201, "usr-nurse-anna", null, "create"),
            new("GET", "/fhir/Flag/boom", Nurse, 500, "usr-nurse-anna", null, "read"),
            new("POST", "/api/patients/pat-4/alarms/ep-1/acknowledge", Nurse, 202, "usr-nurse-anna", "pat-4", "operation"),
            new("PUT", "/api/patients/pat-4/limits", Nurse, 202, "usr-nurse-anna", "pat-4", "update"),
            new("DELETE", "/api/patients/pat-4/limits", null, 401, AuditAgent.Anonymous, "pat-4", "delete"),
            new("POST", "/api/adt/devices/mon-1/associate", Nurse, 403, "usr-nurse-anna", null, "update"),
            new("POST", "/api/break-glass", Nurse, 201, "usr-nurse-anna", "pat-bg", "create"),
        ];

        foreach (var @case in cases)
        {
            using var client = host.Client(@case.Token);
            using var request = new HttpRequestMessage(new HttpMethod(@case.Method), @case.Path);
            request.Headers.Add("traceparent", $"00-{@case.TraceId}-0000000000000001-01");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True(@case.Status == (int)response.StatusCode, $"{@case.Method} {@case.Path}: {(int)response.StatusCode}");
        }

        var joined = await host.HubAsync(Nurse);
        var followed = await joined.InvokeAsync<string>("FollowWard", "ward-1", TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<HubException>(() => joined.InvokeAsync<string>("FollowWard", StandInWardHub.ForeignWard, TestContext.Current.CancellationToken));
        await joined.InvokeAsync<string>("UnfollowWard", "ward-1", TestContext.Current.CancellationToken);
        await joined.DisposeAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => host.HubAsync(token: null));
        var audited = cases.Count(c => c.Who is not null) + 3;
        var rows = (await host.RowsWhenAtLeastAsync(before + audited)).Skip(before).ToList();
        await System.Threading.Tasks.Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Equal("ward-1", followed);
        Assert.Equal(before + audited, (await host.RowsWhenAtLeastAsync(0)).Count);
        foreach (var @case in cases)
        {
            var matching = rows.Where(r => r.TraceId == @case.TraceId).ToList();
            if (@case.Who is null)
            {
                Assert.Empty(matching);
                continue;
            }

            var row = Assert.Single(matching);
            var audit = Parse(row);
            var label = $"{@case.Method} {@case.Path}";
            Assert.True(AuditEventBuilder.OutcomeCode(@case.Status) == row.Outcome, label);
            Assert.True(@case.Who == row.AgentWho, $"{label}: {row.AgentWho}");
            Assert.True(@case.Patient == row.PatientId, $"{label}: {row.PatientId}");
            Assert.True(@case.Subtype == audit.Subtype[0].Code, $"{label}: {audit.Subtype[0].Code}");
            Assert.Equal(AuditedHost.ClientAddress, audit.Agent.Single(a => a.Network is not null).Network!.Address);
        }

        var joins = rows.Where(r => r.Kind == "Query" && Parse(r).Subtype.Any(s => s.Code is "FollowWard" or "connect ward/negotiate")).ToList();
        Assert.Equal(["0", "4", "4"], joins.Select(r => r.Outcome));
        Assert.Equal(["usr-nurse-anna", "usr-nurse-anna", AuditAgent.Anonymous], joins.Select(r => r.AgentWho));
    }

    [Fact]
    public async System.Threading.Tasks.Task GivenStaffRequest_WhenAudited_ThenAgentsCarryUserRoleAndClient()
    {
        var before = (await host.RowsWhenAtLeastAsync(0)).Count;
        using var client = host.Client(host.Tokens.ForUser("usr-charge-carla", CareStreamRoles.ChargeNurse, TestTokens.ClinicianScopes));

        using var response = await client.GetAsync(new Uri("/fhir/Patient/pat-7", UriKind.Relative), TestContext.Current.CancellationToken);
        var row = Assert.Single((await host.RowsWhenAtLeastAsync(before + 1)).Skip(before));
        var audit = Parse(row);

        Assert.Equal("PatientRead", row.Kind);
        Assert.Equal(AuditEvent.AuditEventAction.R, audit.Action);
        var user = Assert.Single(audit.Agent, a => a.Requestor == true);
        Assert.Equal("usr-charge-carla", user.Who?.Identifier?.Value);
        Assert.Equal(CareStreamRoles.ChargeNurse, Assert.Single(user.Role).Coding[0].Code);
        Assert.Contains(audit.Entity, e => e.What?.Reference == "Patient/pat-7");
    }

    [Fact]
    public async System.Threading.Tasks.Task GivenBreakGlassReasonOnTheRequest_WhenAudited_ThenPurposeOfEventIsBtgWithTheReason()
    {
        var before = (await host.RowsWhenAtLeastAsync(0)).Count;
        using var client = host.Client(Nurse);

        using var response = await client.PostAsync(new Uri("/api/break-glass", UriKind.Relative), null, TestContext.Current.CancellationToken);
        var row = Assert.Single((await host.RowsWhenAtLeastAsync(before + 1)).Skip(before));
        var purpose = Assert.Single(Parse(row).PurposeOfEvent);

        Assert.Equal("BTG", purpose.Coding[0].Code);
        Assert.Equal(AuditedHost.BreakGlassReason, purpose.Text);
        Assert.Equal("pat-bg", row.PatientId);
    }

    [Fact]
    public async System.Threading.Tasks.Task GivenTokensAndPatientNamesInRequests_WhenAudited_ThenNeitherIsStoredAnywhere()
    {
        var before = (await host.RowsWhenAtLeastAsync(0)).Count;
        var token = Nurse;
        using var client = host.Client(token);
        using var anonymous = host.Client(null);

        await client.GetAsync(new Uri($"/fhir/Patient?family={PatientName}&given=Ana&birthdate=eq{BirthDate}", UriKind.Relative), TestContext.Current.CancellationToken);
        await anonymous.GetAsync(new Uri($"/fhir/Patient?name:contains={PatientName}&access_token={token}", UriKind.Relative), TestContext.Current.CancellationToken);
        await anonymous.GetAsync(new Uri($"/fhir/Observation?patient=pat-1&access_token={token}", UriKind.Relative), TestContext.Current.CancellationToken);
        var rows = (await host.RowsWhenAtLeastAsync(before + 3)).Skip(before).ToList();
        var stored = rows.Select(r => r.Resource + string.Concat(Parse(r).Entity.Where(e => e.Query is not null).Select(e => Encoding.UTF8.GetString(e.Query!)))).ToList();

        Assert.Equal(3, rows.Count);
        Assert.All(stored, text =>
        {
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(PatientName, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(BirthDate, text, StringComparison.Ordinal);
            Assert.DoesNotContain("access_token", text, StringComparison.Ordinal);
        });
        Assert.Contains(stored, text => text.Contains("family=redacted", StringComparison.Ordinal));
    }

    private static AuditEvent Parse(AuditEventRecord row) => new FhirJsonDeserializer().Deserialize<AuditEvent>(row.Resource);

    private sealed record Case(string Method, string Path, string? Token, int Status, string? Who, string? Patient, string? Subtype)
    {
        public string TraceId { get; } = ActivityTraceId.CreateRandom().ToHexString();
    }
}
