using System.Text;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// A real <c>carestream --roles all</c> process for the audit-trail scenario (A10) with its own topics, database and key
/// folder, whose registry already holds one synthetic patient in <c>ward-1</c> (the demo nurse Anna's ward; Ben's is
/// <c>ward-2</c>) with one heart-rate reading on the observations topic. Nothing else writes to its audit trail.
/// </summary>
public sealed class AuditTrailHost(KafkaFixture kafka) : IAsyncLifetime
{
    public const string Patient = "a10-patient-1";
    public const string Device = "a10-dev-1";
    public const string Bed = "a10-bed-1";
    public const string Ward = "ward-1";

    private readonly PostgresFixture _postgres = new();
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "carestream-auth-" + Guid.NewGuid().ToString("N"));
    private CareStreamProcess? _process;

    public CareStreamProcess Process => _process ?? throw new InvalidOperationException("The host is not started.");

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var settings = await HostSettings.CreateAsync(kafka, _postgres.ConnectionString);
        settings.With("Auth:DataDirectory", _keyDirectory);
        await kafka.ProduceAsync(settings.Topics.Assignments, RegistryRecords.For(Device, Patient, Bed, Ward));
        // Whole seconds: the stored time has microsecond precision and reads by id re-derive the id from it.
        var at = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds());
        var deviceId = new DeviceId(Device);
        var reading = new VitalSignReading(
            ObservationIdentity.ObservationId(deviceId, Mdc.EcgHeartRate, at), new PatientId(Patient), deviceId,
            VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72, at, ObservationStatus.Final);
        await kafka.ProduceAsync(settings.Topics.Observations,
            [KeyValuePair.Create(Patient, Encoding.UTF8.GetString(CanonicalObservationWriter.ToUtf8Bytes([reading])))]);
        _process = CareStreamProcess.Start(settings.Values, "--roles", "all");
        await _process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
    }

    /// <summary>A client sending <paramref name="accessToken"/>, or none.</summary>
    public HttpClient Client(string? accessToken) => accessToken is null
        ? new HttpClient { BaseAddress = Process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }
        : Process.CreateClient(accessToken, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }
}
