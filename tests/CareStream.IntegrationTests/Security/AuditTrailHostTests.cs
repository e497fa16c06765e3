using System.Diagnostics;
using System.Net;
using System.Text;
using CareStream.Auth;
using CareStream.Live.Hubs;
using CareStream.Testing.Auth;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// A10 on the real host: a known set of patient-data requests by different callers with different outcomes leaves
/// exactly one AuditEvent each (found by its W3C trace id, which each request sends as <c>traceparent</c>), carrying its
/// outcome, the patient it names or resolves, BTG for break-glass, and no token. The administrator's own
/// <c>/fhir/AuditEvent</c> searches are audited too: they start after the window the count covers and are counted apart.
/// Append-only storage (UPDATE/DELETE by the application role fails) is proven in
/// <c>CareStream.Auth.IntegrationTests.AuditAppendOnlyTests</c>.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AuditTrailHostTests(AuditTrailHost host) : IClassFixture<AuditTrailHost>
{
    private const string P = AuditTrailHost.Patient;
    private const string Reason = "Resuscitation call outside my ward";
    private readonly List<ExpectedAudit> _expected = [];
    private int _auditSearches;

    [Fact]
    public async Task GivenAKnownSetOfPatientDataRequests_WhenTheAuditTrailIsSearched_ThenOneEventPerRequestWithOutcomePatientAndPurpose()
    {
        var ct = TestContext.Current.CancellationToken;
        var process = host.Process;
        string[] tokens = [process.AdministratorToken(), process.NurseToken(), process.NurseToken("usr-nurse-ben"), process.DeviceAdapterToken(),
            process.Tokens.ForUser("usr-nurse-anna", CareStreamRoles.Nurse, TestTokens.ClinicianScopes, TimeSpan.FromMinutes(-5))];
        using var admin = host.Client(tokens[0]);
        using var anna = host.Client(tokens[1]);
        using var ben = host.Client(tokens[2]);
        using var device = host.Client(tokens[3]);
        using var expired = host.Client(tokens[4]);
        using var anonymous = host.Client(null);
        var observation = await FirstObservationIdAsync(admin, ct);
        var from = DateTimeOffset.UtcNow;

        await SendAsync(admin, "GET", $"/fhir/Patient/{P}", HttpStatusCode.OK, P);
        await SendAsync(anna, "GET", $"/fhir/Patient/{P}", HttpStatusCode.OK, P);
        await SendAsync(anna, "GET", $"/fhir/Observation?patient={P}", HttpStatusCode.OK, P);
        await SendAsync(anna, "GET", $"/fhir/Observation/{observation}", HttpStatusCode.OK, P);
        await SendAsync(anna, "GET", $"/fhir/Observation/$lastn?patient={P}&category=vital-signs", HttpStatusCode.OK, P);
        await SendAsync(anna, "GET", $"/fhir/Flag?patient={P}", HttpStatusCode.OK, P);
        await SendAsync(ben, "GET", $"/fhir/Patient/{P}", HttpStatusCode.NotFound, P);
        await SendAsync(ben, "GET", $"/fhir/Observation/{observation}", HttpStatusCode.NotFound, P);
        await SendAsync(device, "GET", $"/fhir/Observation?patient={P}", HttpStatusCode.Forbidden, P);
        await SendAsync(anonymous, "GET", $"/fhir/Observation?patient={P}", HttpStatusCode.Unauthorized, P);
        await SendAsync(expired, "GET", $"/fhir/Patient/{P}", HttpStatusCode.Unauthorized, P);
        await SendAsync(anonymous, "POST", "/hubs/ward/negotiate?negotiateVersion=1", HttpStatusCode.Unauthorized, null);
        await SendAsync(anna, "POST", $"/api/patients/{P}/alarms/a10-episode/acknowledge", HttpStatusCode.Accepted, P, "{}");
        await SendAsync(anna, "PUT", $"/api/patients/{P}/charting", HttpStatusCode.Accepted, P, """{"onOxygen":true}""");
        await SendAsync(anna, "PUT", $"/api/patients/{P}/limits", HttpStatusCode.Accepted, P,
            """{"limits":{"heartRate":{"warningHigh":{"limit":110,"priority":"medium","delaySeconds":0}}}}""");
        // Alarm commands are ward-checked: Ben (ward-2) acting on a ward-1 patient gets 404, and the attempt is audited.
        await SendAsync(ben, "POST", $"/api/patients/{P}/alarms/a10-episode/acknowledge", HttpStatusCode.NotFound, P, "{}");
        // Known gap: an ADT device association does not name the patient of the bed in its audit event.
        await SendAsync(admin, "POST", "/api/adt/devices/a10-dev-2/associate", HttpStatusCode.Accepted, null,
            $$"""{"bedId":"{{AuditTrailHost.Bed}}","effectiveAt":"{{DateTimeOffset.UtcNow:O}}"}""");
        await SendAsync(ben, "POST", "/api/break-glass", HttpStatusCode.Created, P, $$"""{"patientId":"{{P}}","reason":"{{Reason}}"}""", breakGlass: true);
        await SendAsync(ben, "GET", $"/fhir/Patient/{P}", HttpStatusCode.OK, P, breakGlass: true);
        await SendAsync(ben, "GET", $"/fhir/Observation?patient={P}", HttpStatusCode.OK, P, breakGlass: true);
        var refusedJoin = await FollowWardsAsync(tokens[1], ct);
        var to = DateTimeOffset.UtcNow;
        await Task.Delay(20, ct);
        var events = await StableWindowAsync(admin, from, to, _expected.Count + 2, ct);

        Assert.Equal(_expected.Count + 2, events.Count); // + the two hub joins
        foreach (var expected in _expected)
        {
            var stored = Assert.Single(events, e => e.TraceId == expected.TraceId);
            Assert.True(expected.Patient == stored.Patient, $"{expected.Request}: patient {stored.Patient ?? "none"}");
            Assert.True(expected.BreakGlass == stored.BreakGlass, $"{expected.Request}: break-glass {stored.BreakGlass}");
            Assert.True(Outcome(expected.Status) == (stored.Outcome, stored.OutcomeDesc), $"{expected.Request}: {stored.Outcome} {stored.OutcomeDesc}");
        }

        Assert.IsType<HubException>(refusedJoin);
        Assert.Single(events, e => (e.Operation, e.Query, e.Outcome, e.OutcomeDesc) == ("FollowWard", "Location?ward=ward-1", "0", null));
        Assert.Single(events, e => (e.Operation, e.Query, e.Outcome, e.OutcomeDesc) == ("FollowWard", "Location?ward=ward-2", "4", "HTTP 403"));
        Assert.All(events, e => Assert.DoesNotContain("eyJ", e.Json, StringComparison.Ordinal));
        Assert.All(tokens, token => Assert.DoesNotContain(events, e => e.Json.Contains(token, StringComparison.Ordinal)));
        await AssertAuditSearchesAuditedAsync(admin, to, ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"A10: {events.Count} AuditEvents for {_expected.Count} HTTP requests + 2 hub joins; {_auditSearches} AuditEvent search pages audited apart; "
            + string.Join("; ", _expected.Select(e => e.Request)));
    }

    private async Task SendAsync(
        HttpClient client, string method, string path, HttpStatusCode? status, string? patient, string? json = null, bool breakGlass = false)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var label = $"{method} {path} ({(int)response.StatusCode})";
        Assert.True(status is null || status == response.StatusCode, $"{label}: expected {(int?)status}\n{host.Process.Tail(30)}");
        _expected.Add(new ExpectedAudit(label, traceId, (int)response.StatusCode, patient, breakGlass));
    }

    /// <summary>Anna follows her own ward, then tries Ben's: the hub refuses it. Returns the refusal.</summary>
    private async Task<Exception?> FollowWardsAsync(string token, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Process.BaseAddress, WardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await using (connection)
        {
            await connection.StartAsync(ct);
            await connection.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), AuditTrailHost.Ward, ct);
            var refused = await Record.ExceptionAsync(() => connection.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), "ward-2", ct));
            await connection.StopAsync(ct);
            return refused;
        }
    }

    /// <summary>Setup, before the counted window: waits until the recorder stored the fixture's reading.</summary>
    private async Task<string> FirstObservationIdAsync(HttpClient admin, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var body = await admin.GetStringAsync(new Uri($"/fhir/Observation?patient={P}", UriKind.Relative), ct);
            using var bundle = System.Text.Json.JsonDocument.Parse(body);
            if (bundle.RootElement.TryGetProperty("entry", out var entries) && entries.GetArrayLength() > 0)
            {
                return entries[0].GetProperty("resource").GetProperty("id").GetString()!;
            }

            await Task.Delay(500, ct);
        }

        throw new TimeoutException($"The fixture's reading of {P} was not stored within 60 s:\n{host.Process.Tail()}");
    }

    /// <summary>The audit writer is asynchronous: reads the window until it holds the expected count and stays unchanged 2 s.</summary>
    private async Task<List<StoredAuditEvent>> StableWindowAsync(HttpClient admin, DateTimeOffset from, DateTimeOffset to, int expected, CancellationToken ct)
    {
        var events = new List<StoredAuditEvent>();
        for (var attempt = 0; attempt < 60 && events.Count < expected; attempt++)
        {
            await Task.Delay(250, ct);
            events = await StoredAuditEvent.SearchAsync(admin, from, to, () => _auditSearches++, ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        return await StoredAuditEvent.SearchAsync(admin, from, to, () => _auditSearches++, ct);
    }

    /// <summary>Each AuditEvent search page is itself an audited query (never of a patient): one event per earlier page request.</summary>
    private async Task AssertAuditSearchesAuditedAsync(HttpClient admin, DateTimeOffset to, CancellationToken ct)
    {
        List<StoredAuditEvent> searches = [];
        var before = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            before = _auditSearches; // this search's own pages are recorded only after they answer
            searches = await StoredAuditEvent.SearchAsync(admin, to, null, () => _auditSearches++, ct);
            if (searches.Count >= before)
            {
                break;
            }

            await Task.Delay(250, ct);
        }

        Assert.Equal(before, searches.Count);
        Assert.All(searches, s => Assert.True(s.Query?.StartsWith("AuditEvent?", StringComparison.Ordinal) == true && s.Patient is null, s.Json));
    }

    private static (string, string?) Outcome(int status) => status switch
    {
        < 400 => ("0", null),
        < 500 => ("4", $"HTTP {status}"),
        _ => ("8", $"HTTP {status}"),
    };

    private sealed record ExpectedAudit(string Request, string TraceId, int Status, string? Patient, bool BreakGlass);
}
