using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CareStream.FhirApi.IntegrationTests.Subscriptions;

public sealed class SubscriptionEndpointsTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private const string SecretExtension = "https://carestream.dev/fhir/StructureDefinition/subscription-secret";

    [Fact]
    public async Task GivenValidRestHookSubscription_WhenCreatedReadSearchedAndDeleted_ThenSecretOnlyOnCreateAndGoneAfterDelete()
    {
        var ct = TestContext.Current.CancellationToken;

        using var created = await PostAsync(Subscription("Flag?ward=ward-3&priority=PH", "http://127.0.0.1:9/hook"));
        var body = await FhirApiFixture.ReadAsync(created);
        var id = body.GetProperty("id").GetString()!;
        var (readStatus, read) = await api.GetAsync($"/fhir/Subscription/{id}");
        var (searchStatus, search) = await api.GetAsync("/fhir/Subscription?status=requested");
        using var deleted = await api.Http.DeleteAsync(new Uri($"/fhir/Subscription/{id}", UriKind.Relative), ct);
        var (goneStatus, _) = await api.GetAsync($"/fhir/Subscription/{id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith($"/fhir/Subscription/{id}", created.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains(body.GetProperty("extension").EnumerateArray(), e => e.GetProperty("url").GetString() == SecretExtension);
        Assert.Equal(200, readStatus);
        Assert.Equal("requested", read.GetProperty("status").GetString());
        Assert.DoesNotContain(read.GetProperty("extension").EnumerateArray(), e => e.GetProperty("url").GetString() == SecretExtension);
        Assert.Equal(200, searchStatus);
        Assert.Contains(search.GetProperty("entry").EnumerateArray(), e => e.GetProperty("resource").GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(410, goneStatus);
    }

    [Theory]
    [InlineData("Flag?_has:Observation:subject:code=1", "https://pager.example/hook", 422)]
    [InlineData("Observation?patient=p1", "https://pager.example/hook", 422)]
    [InlineData("Flag?ward=ward-3", "https://169.254.169.254/latest/meta-data", 422)]
    [InlineData("Flag?ward=ward-3", "http://pager.example/hook", 422)]
    public async Task GivenUnsupportedSubscription_WhenPosted_ThenRefusedWithOperationOutcome(string criteria, string endpoint, int expected)
    {
        using var response = await PostAsync(Subscription(criteria, endpoint));
        var body = await FhirApiFixture.ReadAsync(response);

        Assert.True(expected == (int)response.StatusCode, body.ToString());
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task GivenMalformedBody_WhenPosted_ThenBadRequest()
    {
        using var response = await PostAsync("""{"resourceType":"Subscription","status":42""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GivenANurseToken_WhenCreatingASubscription_ThenForbiddenBecauseRestHooksAreSetUpByAdministrators()
    {
        using var nurse = api.ClientFor(api.Tokens.Nurse());
        using var content = new StringContent(Subscription("Flag?ward=ward-3&priority=PH", "http://127.0.0.1:9/hook"), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");

        using var response = await nurse.PostAsync(new Uri("/fhir/Subscription", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
        return await api.Http.PostAsync(new Uri("/fhir/Subscription", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private static string Subscription(string criteria, string endpoint) => $$$"""
        {"resourceType":"Subscription","status":"requested","reason":"synthetic test","criteria":"{{{criteria}}}",
         "channel":{"type":"rest-hook","endpoint":"{{{endpoint}}}","payload":"application/fhir+json"}}
        """;
}
