using CareStream.Domain.Vitals;
using CareStream.Simulator.Signals;
using CareStream.Simulator.Ward;

namespace CareStream.Simulator.UnitTests;

public sealed class SimulatedWardTests
{
    [Fact]
    public void GivenTheSameSeed_WhenTheWardIsBuiltTwice_ThenPatientsDevicesAndScenariosAreIdentical()
    {
        var options = new SimulatorOptions { Beds = 40, Seed = 7 };

        var first = SimulatedWard.Build(options);
        var second = SimulatedWard.Build(options);

        Assert.Equal(first, second);
        Assert.Equal(40, first.Select(b => b.Patient.Patient).Distinct().Count());
        Assert.Equal(40, first.Select(b => b.Monitor).Distinct().Count());
    }

    [Fact]
    public void GivenMoreBedsThanAWardHolds_WhenBuilt_ThenBedsFillWardsInOrder()
    {
        var beds = SimulatedWard.Build(new SimulatorOptions { Beds = 20, BedsPerWard = 16 });

        Assert.Equal("ward-1-bed-16", beds[15].Location.Bed.Value);
        Assert.Equal("ward-2-bed-01", beds[16].Location.Bed.Value);
        Assert.Equal("ward-2", beds[16].Location.Ward.Value);
    }

    [Fact]
    public void GivenMixedScenarios_WhenBuilt_ThenBedsCycleThroughEveryScenario()
    {
        var beds = SimulatedWard.Build(new SimulatorOptions { Beds = 9 });

        Assert.Equal(Enum.GetValues<ClinicalScenario>(), beds.Select(b => b.Scenario));
    }

    [Fact]
    public void GivenAllStable_WhenBuilt_ThenNoBedDeteriorates()
    {
        var beds = SimulatedWard.Build(new SimulatorOptions { Beds = 30, AllStable = true });

        Assert.All(beds, b => Assert.Equal(ClinicalScenario.Stable, b.Scenario));
    }

    [Fact]
    public void GivenASilentDevice_WhenItsMinuteIsOver_ThenItSendsNothing()
    {
        var options = new SimulatorOptions { Beds = 9 };
        var silent = SimulatedWard.Build(options)[8];
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

        var early = MonitorFeed.ObservationsAt(silent, options, now, TimeSpan.FromSeconds(30), nibpDue: false).Count();
        var late = MonitorFeed.ObservationsAt(silent, options, now, TimeSpan.FromSeconds(61), nibpDue: true).Count();

        Assert.Equal(ClinicalScenario.DeviceSilent, silent.Scenario);
        Assert.Equal(5, early);
        Assert.Equal(0, late);
    }

    [Fact]
    public void GivenSensorOff_WhenTheMonitorReports_ThenOximetryIsAbsentButHeartRateIsSent()
    {
        Assert.Null(VitalSignModel.ValueOf(VitalSignKind.OxygenSaturation, ClinicalScenario.SensorOff, 42, 7, TimeSpan.FromMinutes(5)));
        Assert.Null(VitalSignModel.ValueOf(VitalSignKind.PulseRate, ClinicalScenario.SensorOff, 42, 7, TimeSpan.FromMinutes(5)));
        Assert.NotNull(VitalSignModel.ValueOf(VitalSignKind.HeartRate, ClinicalScenario.SensorOff, 42, 7, TimeSpan.FromMinutes(5)));
    }
}
