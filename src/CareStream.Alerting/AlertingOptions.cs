using System.ComponentModel.DataAnnotations;

namespace CareStream.Alerting;

/// <summary>Settings of the rules role, section <c>Alerting</c>.</summary>
public sealed class AlertingOptions
{
    public const string SectionName = "Alerting";

    /// <summary>
    /// <c>Alerting:RuleSetDirectory</c>: folder of ward rule sets, <c>&lt;ward&gt;.json</c> each (and optionally
    /// <c>default.json</c> for wards without their own file). Null or empty: the shipped <c>DefaultRuleSet</c> for every ward.
    /// </summary>
    public string? RuleSetDirectory { get; set; }

    /// <summary><c>Alerting:RuleSetReloadInterval</c>: how often the folder is checked for changed files.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Alerting:RuleSetReloadInterval must be between {1} and {2}.")]
    public TimeSpan RuleSetReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>Alerting:TickInterval</c>: evaluation tick for "no data" alarms and escalation timeouts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:10", ErrorMessage = "Alerting:TickInterval must be between {1} and {2}.")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// <c>Alerting:RestoreLookback</c>: on partition assignment, how far back the alerts topic is read to restore
    /// open episodes (F11). Must exceed the longest time an alarm can stay open without a new event.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Alerting:RestoreLookback must be between {1} and {2}.")]
    public TimeSpan RestoreLookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// <c>Alerting:ReplayWindow</c>: how much already-evaluated observation history is replayed into the trackers on
    /// assignment (delays, trends, NEWS2 freshness and "no data" need recent readings). At least the NEWS2 freshness window.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Alerting:ReplayWindow must be between {1} and {2}.")]
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// <c>Alerting:ChartingLookback</c>: on assignment, how far back <c>carestream.patient-commands.v1</c> is replayed
    /// (up to the committed offset) to restore NEWS2 charting (air/oxygen, ACVPU, SpO2 scale). Charting older than
    /// this is lost on a restart: the score is then flagged incomplete (never zero-filled) and Scale 1 applies until
    /// re-charted. Keep it within the topic's retention (30 days in deploy/).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Alerting:ChartingLookback must be between {1} and {2}.")]
    public TimeSpan ChartingLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// <c>Alerting:KafkaUnreachableGrace</c>: how long every Kafka probe (a metadata request, once per tick) must fail
    /// before the "pipeline: Kafka unreachable" technical alarm is raised. Short outages (a broker restart) raise nothing.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Alerting:KafkaUnreachableGrace must be between {1} and {2}.")]
    public TimeSpan KafkaUnreachableGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Alerting:RestoreTimeout</c>: upper bound for reading back one assignment's alert partitions.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Alerting:RestoreTimeout must be between {1} and {2}.")]
    public TimeSpan RestoreTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
