using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Simulator.Signals;

namespace CareStream.Simulator.Ward;

/// <summary>One simulated bed: where it is, who lies in it, the monitor attached and what the patient is doing.</summary>
public sealed record SimulatedBed(
    int Index,
    BedLocation Location,
    PatientDemographics Patient,
    DeviceId Monitor,
    ClinicalScenario Scenario);
