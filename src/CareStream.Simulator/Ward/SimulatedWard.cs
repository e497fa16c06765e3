using System.Globalization;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Simulator.Signals;

namespace CareStream.Simulator.Ward;

/// <summary>
/// The deterministic layout of the simulated hospital: wards of <see cref="SimulatorOptions.BedsPerWard"/> beds,
/// one patient and one multiparameter monitor per bed. Ids are stable for a given seed.
/// </summary>
public static class SimulatedWard
{
    private static readonly ClinicalScenario[] Cycle = Enum.GetValues<ClinicalScenario>();

    public static IReadOnlyList<SimulatedBed> Build(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var beds = new SimulatedBed[options.Beds];
        for (var i = 0; i < options.Beds; i++)
        {
            var wardNumber = i / options.BedsPerWard + 1;
            var bedNumber = i % options.BedsPerWard + 1;
            var ward = new WardId(string.Create(CultureInfo.InvariantCulture, $"ward-{wardNumber}"));
            var bed = new BedId(string.Create(CultureInfo.InvariantCulture, $"ward-{wardNumber}-bed-{bedNumber:00}"));
            var location = new BedLocation(
                ward,
                string.Create(CultureInfo.InvariantCulture, $"Ward {wardNumber}"),
                bed,
                string.Create(CultureInfo.InvariantCulture, $"Bed {bedNumber}"));

            beds[i] = new SimulatedBed(
                i,
                location,
                Patient(options.Seed, i),
                new DeviceId(string.Create(CultureInfo.InvariantCulture, $"monitor-{wardNumber}-{bedNumber:00}")),
                options.AllStable ? ClinicalScenario.Stable : Cycle[i % Cycle.Length]);
        }

        return beds;
    }

    private static PatientDemographics Patient(int seed, int index)
    {
        var pick = (int stream, int count) =>
            (int)((SeededNoise.Uniform(seed, stream, index) + 1) / 2 * count) % count;
        var ageDays = 365 * 18 + pick(3, 365 * 70);
        return new PatientDemographics(
            new PatientId(string.Create(CultureInfo.InvariantCulture, $"sim-{seed}-{index + 1:0000}")),
            string.Create(CultureInfo.InvariantCulture, $"SIM{seed:000}{index + 1:000000}"),
            SyntheticNames.Family[pick(1, SyntheticNames.Family.Length)],
            SyntheticNames.Given[pick(2, SyntheticNames.Given.Length)],
            new DateOnly(2026, 1, 1).AddDays(-ageDays),
            pick(4, 2) == 0 ? "female" : "male");
    }
}
