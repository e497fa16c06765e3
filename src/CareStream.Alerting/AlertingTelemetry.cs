using System.Diagnostics.Metrics;

namespace CareStream.Alerting;

/// <summary>The <c>CareStream.Alerting</c> meter: alarm events published, by type, priority and category.</summary>
public static class AlertingTelemetry
{
    public const string MeterName = "CareStream.Alerting";

    private static readonly Meter Meter = new(MeterName);

    /// <summary><c>carestream.alerting.alarms.raised</c>: new alarm episodes, tagged <c>priority</c> and <c>category</c>.</summary>
    internal static readonly Counter<long> AlarmsRaised =
        Meter.CreateCounter<long>("carestream.alerting.alarms.raised", description: "Alarm episodes raised");

    /// <summary><c>carestream.alerting.events.published</c>: every alarm event published, tagged <c>type</c>.</summary>
    internal static readonly Counter<long> EventsPublished =
        Meter.CreateCounter<long>("carestream.alerting.events.published", description: "Alarm events published to the alerts topic");

    /// <summary><c>carestream.alerting.patients.tracked</c>: patients with alarm state on this instance.</summary>
    internal static readonly UpDownCounter<long> PatientsTracked =
        Meter.CreateUpDownCounter<long>("carestream.alerting.patients.tracked", description: "Patients tracked by this instance");
}
