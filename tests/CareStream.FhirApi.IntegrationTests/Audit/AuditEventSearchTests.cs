using System.Net;
using System.Text.Json;
using CareStream.Auth;
using CareStream.Auth.Audit;
using CareStream.Testing.Auth;

namespace CareStream.FhirApi.IntegrationTests.Audit;

/// <summary>
/// <c>GET /fhir/AuditEvent</c> (guide S6): administrators with <c>user/AuditEvent.rs</c> search by date, agent,
/// patient, action and subtype with keyset paging; a nurse, an administrator without the scope and a request
/// without a token are refused.
/// </summary>
public sealed class AuditEventSearchTests(AuditEventApiFixture api) : IClassFixture<AuditEventApiFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly SemaphoreSlim SeedOnce = new(1, 1);
    private static bool _seeded;

    [Fact]
    public async Task GivenAdministrator_WhenSearchingByPatient_ThenOnlyThatPatientsEventsNewestFirst()
    {
        await SeedAsync();

        var (status, bundle) = await GetAsync("/fhir/AuditEvent?patient=Patient/pat-a", api.Tokens.Administrator());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        var recorded = Entries(bundle).Select(e => e.GetProperty("recorded").GetDateTimeOffset()).ToList();
        Assert.Equal(3, recorded.Count);
        Assert.Equal(recorded.OrderDescending(), recorded);
        Assert.All(Entries(bundle), e => Assert.Equal("AuditEvent", e.GetProperty("resourceType").GetString()));
    }

    [Theory]
    [InlineData("agent=usr-nurse-ben", 2)]
    [InlineData("agent=carestream-integrator", 1)]
    [InlineData("entity=pat-b", 2)]
    [InlineData("action=R", 2)]
    [InlineData("action=E", 3)]
    [InlineData("subtype=read", 2)]
    [InlineData("subtype=acknowledge", 1)]
    [InlineData("date=ge2026-11-20T08:02:00Z&date=le2026-11-20T08:03:00Z", 2)]
    [InlineData("date=lt2026-11-20", 0)]
    [InlineData("patient=pat-a&action=R&agent=usr-nurse-anna", 1)]
    public async Task GivenAdministrator_WhenSearchingWithParameters_ThenMatchingCount(string query, int expected)
    {
        await SeedAsync();

        var (status, bundle) = await GetAsync("/fhir/AuditEvent?" + query + "&date=ge2026-11-19&date=lt2026-11-21", api.Tokens.Administrator());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, Entries(bundle).Count());
    }

    [Fact]
    public async Task GivenCountOfTwo_WhenFollowingNextLinks_ThenEveryEventOnceAndNoMore()
    {
        await SeedAsync();
        var ids = new List<string>();
        var url = "/fhir/AuditEvent?_count=2&date=ge2026-11-19&date=lt2026-11-21";

        while (url is not null)
        {
            var (status, bundle) = await GetAsync(url, api.Tokens.Administrator());
            Assert.Equal(HttpStatusCode.OK, status);
            ids.AddRange(Entries(bundle).Select(e => e.GetProperty("id").GetString()!));
            url = bundle.GetProperty("link").EnumerateArray().Where(l => l.GetProperty("relation").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("url").GetString()!).PathAndQuery).FirstOrDefault();
        }

        Assert.Equal(5, ids.Count);
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task GivenNurse_WhenSearchingAuditEvents_ThenForbidden()
    {
        var (status, _) = await GetAsync("/fhir/AuditEvent", api.Tokens.Nurse());

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task GivenAdministratorWithoutAuditScope_WhenSearching_ThenForbidden()
    {
        var token = api.Tokens.ForUser("usr-admin-eve", CareStreamRoles.Administrator, TestTokens.ClinicianScopes);

        var (status, _) = await GetAsync("/fhir/AuditEvent", token);

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task GivenNoToken_WhenSearchingAuditEvents_ThenUnauthorized()
    {
        var (status, _) = await GetAsync("/fhir/AuditEvent", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, string? token)
    {
        using var client = api.Client(token);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return (response.StatusCode, await FhirApiFixture.ReadAsync(response));
    }

    private static IEnumerable<JsonElement> Entries(JsonElement bundle) =>
        bundle.TryGetProperty("entry", out var entries) ? entries.EnumerateArray().Select(e => e.GetProperty("resource")) : [];

    private async Task SeedAsync()
    {
        await SeedOnce.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_seeded)
            {
                return;
            }

            await api.Store.AppendBatchAsync(
            [
                Access(0, AuditInteraction.Read, "Observation", "pat-a", "usr-nurse-anna", null),
                Access(1, AuditInteraction.Search, "Observation", "pat-a", "usr-nurse-anna", null),
                Access(2, AuditInteraction.Operation, "Flag", "pat-a", "usr-nurse-ben", "acknowledge"),
                Access(3, AuditInteraction.Read, "Patient", "pat-b", "usr-nurse-ben", null),
                Access(4, AuditInteraction.Search, "Observation", "pat-b", "carestream-integrator", null),
            ], TestContext.Current.CancellationToken);
            _seeded = true;
        }
        finally
        {
            SeedOnce.Release();
        }
    }

    private static AuditAccess Access(int minute, AuditInteraction interaction, string type, string patient, string who, string? operation) => new(
        Guid.CreateVersion7(At.AddMinutes(minute)), At.AddMinutes(minute), interaction, type, interaction == AuditInteraction.Read ? "x-1" : null,
        patient, interaction == AuditInteraction.Read ? null : "patient=" + patient, who, who.StartsWith("carestream-", StringComparison.Ordinal) ? who : null,
        200, null, "carestream-api-test", Operation: operation);
}
