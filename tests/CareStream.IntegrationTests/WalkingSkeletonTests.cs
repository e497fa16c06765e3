using System.Text;
using CareStream.Fhir.Validation;
using CareStream.Live.Hubs;
using CareStream.Simulator;
using CareStream.Simulator.Ward;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.IntegrationTests;

/// <summary>
/// One reading's whole journey through the real host: simulated monitor → Kafka ingress → normalizer → canonical
/// topic → PostgreSQL → FHIR API, and → SignalR ward group.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class WalkingSkeletonTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>, IAsyncLifetime
{
    private const string Patient = "sim-7-0001";
    private CareStreamProcess? _host;

    [Fact]
    public async Task GivenASimulatedWard_WhenTheHostRuns_ThenReadingsAreStoredAndServedAsProfileValidFhir()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _host!.CreateClient();

        var observations = await FhirClient.WaitForObservationsAsync(http, Patient, minimum: 5, TimeSpan.FromSeconds(60), ct);

        Assert.True(observations.Length >= 5, "No stored readings within 60 s:\n" + _host.Tail());
        Assert.All(observations, o => Assert.Equal($"Patient/{Patient}", o.GetProperty("subject").GetProperty("reference").GetString()));
        var validation = ObservationProfileValidator.Shared.Validate(Encoding.UTF8.GetBytes(observations[0].GetRawText()));
        Assert.True(validation.IsValid, validation.ErrorText);
        // No patient data in logs: the host wrote demographics to the database, never to its output.
        var patients = SimulatedWard.Build(new SimulatorOptions { Beds = 4, Seed = 7 }).Select(b => b.Patient).ToList();
        Assert.All(patients, p =>
        {
            Assert.DoesNotContain(p.MedicalRecordNumber, _host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(p.FamilyName, _host.Output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GivenAClientFollowingAWard_WhenReadingsArrive_ThenItGetsASnapshotAndLiveUpdates()
    {
        var ct = TestContext.Current.CancellationToken;
        var received = new TaskCompletionSource<IReadOnlyList<VitalSignUpdate>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(_host!.BaseAddress, WardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(_host.AdministratorToken())).Build();
        connection.On<IReadOnlyList<VitalSignUpdate>>(nameof(IWardClient.VitalsUpdated), updates => received.TrySetResult(updates));
        await connection.StartAsync(ct);

        var snapshot = await connection.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), "ward-1", ct);
        var updates = await received.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal("ward-1", snapshot.Ward);
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.StartsWith("ward-1-bed-", u.Bed, StringComparison.Ordinal));
        Assert.Contains(updates, u => u.Kind == "heartRate" && u.Unit == "/min" && u.Value is > 20 and < 250);
    }

    public async ValueTask InitializeAsync()
    {
        var settings = await HostSettings.CreateAsync(kafka, postgres.ConnectionString);
        settings.With("Simulator:Beds", "4").With("Simulator:Seed", "7");
        _host = CareStreamProcess.Start(settings.Values, "--roles", "all,simulator");
        await _host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
