using CareStream.Storage.Entities;
using CareStream.Storage.Unassociated;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Storage.IntegrationTests.Unassociated;

[Collection(StorageCollection.Name)]
public sealed class UnassociatedReadingStoreTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly UnassociatedReadingStore _store = fixture.Services.GetRequiredService<UnassociatedReadingStore>();

    [Fact]
    public async Task GivenHeldReadings_WhenWrittenTwice_ThenEachIsKeptOnceWithItsBedAndFoundByDeviceAndTime()
    {
        var ct = TestContext.Current.CancellationToken;
        var device = $"held-{Guid.NewGuid():N}"[..20];
        UnassociatedReading[] readings =
        [
            Reading(device, "a1b2c3d4e5f60001", kind: 1, 72, T0, bed: "bed-9"),
            Reading(device, "a1b2c3d4e5f60002", kind: 6, 120, T0.AddSeconds(1), bed: "bed-9"),
            Reading(device, "a1b2c3d4e5f60002", kind: 7, 80, T0.AddSeconds(1), bed: "bed-9"),
            Reading(device, "a1b2c3d4e5f60003", kind: 1, 74, T0.AddMinutes(5), bed: null),
        ];

        var first = await _store.WriteAsync(readings, ct);
        var again = await _store.WriteAsync(readings, ct);
        var window = await _store.ForDeviceAsync(device, T0, T0.AddMinutes(1), ct);

        Assert.Equal((4, 0), (first, again));
        Assert.Equal(
            [("a1b2c3d4e5f60001", (short)1, 72d, "bed-9"), ("a1b2c3d4e5f60002", (short)6, 120d, "bed-9"), ("a1b2c3d4e5f60002", (short)7, 80d, "bed-9")],
            window.Select(r => (r.ObservationId, r.Kind, r.Value, r.BedId)));
        Assert.All(window, r => Assert.Equal(("ward-h", T0.AddMinutes(10)), (r.WardId, r.ReceivedAt)));
    }

    private static UnassociatedReading Reading(string device, string id, short kind, double value, DateTimeOffset at, string? bed) => new()
    {
        ObservationId = id, Kind = kind, DeviceId = device, MdcCode = 147842, Value = value, EffectiveAt = at, Status = 1,
        WardId = bed is null ? null : "ward-h", BedId = bed, ReceivedAt = T0.AddMinutes(10),
    };
}
