using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests;

/// <summary>
/// One real <c>carestream --roles ingest,store,api</c> process per test class, with its own topics and database,
/// plus helpers for the HTTP ingest and ADT APIs. Tests in a class use their own device and patient ids.
/// </summary>
public sealed class IngestHost(KafkaFixture kafka) : IAsyncLifetime
{
    public static readonly DateTimeOffset Morning = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    private readonly PostgresFixture _postgres = new();
    private CareStreamProcess? _process;

    internal HostSettings Settings { get; private set; } = null!;

    public KafkaFixture Kafka => kafka;

    public CareStreamProcess Process => _process ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>An administrator's client (FHIR reads, ADT).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A device adapter's client: the only kind allowed to POST device Observations.</summary>
    public HttpClient DeviceHttp { get; private set; } = null!;

    public string ConnectionString => _postgres.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        Settings = await HostSettings.CreateAsync(kafka, _postgres.ConnectionString);
        _process = CareStreamProcess.Start(Settings.Values, "--roles", "ingest,store,api");
        await _process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        Http = _process.CreateClient(timeout: TimeSpan.FromSeconds(30));
        DeviceHttp = _process.CreateClient(_process.DeviceAdapterToken(), TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        DeviceHttp?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await _postgres.DisposeAsync();
    }

    /// <summary>A valid device Observation (heart rate, or a BP panel with <paramref name="bloodPressure"/>).</summary>
    public static string Observation(string device, DateTimeOffset effectiveAt, double heartRate = 72, bool bloodPressure = false) =>
        Encoding.UTF8.GetString(DeviceObservationWriter.ToUtf8Bytes(new DeviceId(device), effectiveAt, ObservationStatus.Preliminary,
            bloodPressure
                ?
                [
                    new DeviceMeasurement(VitalSignKind.SystolicBloodPressure, Mdc.NonInvasiveSystolic, 120),
                    new DeviceMeasurement(VitalSignKind.DiastolicBloodPressure, Mdc.NonInvasiveDiastolic, 80),
                    new DeviceMeasurement(VitalSignKind.MeanBloodPressure, Mdc.NonInvasiveMean, 93),
                ]
                : [new DeviceMeasurement(VitalSignKind.HeartRate, Mdc.EcgHeartRate, heartRate)]));

    /// <summary>A Bundle of <paramref name="type"/> (batch or transaction) POSTing each Observation.</summary>
    public static string Bundle(string type, IEnumerable<string> observations) =>
        $$"""{"resourceType":"Bundle","type":"{{type}}","entry":[{{string.Join(',', observations.Select(o =>
            $$$"""{"resource":{{{o}}},"request":{"method":"POST","url":"Observation"}}"""))}}]}""";

    /// <summary>Publishes bed, patient and device association records straight to the assignments topic.</summary>
    public Task AssociateAsync(string device, string patient, string bed) =>
        kafka.ProduceAsync(Settings.Topics.Assignments, RegistryRecords.For(device, patient, bed));

    public async Task<HttpResponseMessage> PostFhirAsync(string path, string body, string mediaType = "application/fhir+json")
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        return await DeviceHttp.PostAsync(new Uri(path, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> PostAdtAsync(string path, object body) =>
        await Http.PostAsJsonAsync(new Uri("/api/adt" + path, UriKind.Relative), body, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = await JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
        return document.RootElement.Clone();
    }

    /// <summary>The <c>issue[].details.coding[0].code</c> values of an OperationOutcome.</summary>
    public static string[] IssueCodes(JsonElement outcome) =>
        [.. outcome.GetProperty("issue").EnumerateArray()
            .Select(i => i.TryGetProperty("details", out var d) ? d.GetProperty("coding")[0].GetProperty("code").GetString()! : "")];
}
