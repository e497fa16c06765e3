namespace CareStream.Rules.Alerts;

/// <summary>
/// A stateless, deterministic alarm rule. Everything it needs (readings, charting, which rules are currently in
/// alarm for hysteresis, <c>now</c>) is in the window; it does no I/O and reads no clock.
/// </summary>
public interface IAlertRule
{
    /// <summary>Stable id, unique within a rule set; part of the episode id.</summary>
    string Id { get; }

    /// <summary>Version of the rule definition (the rule set's version).</summary>
    int Version { get; }

    /// <summary>Returns a decision while the alarm condition holds, or null when it does not.</summary>
    AlertDecision? Evaluate(PatientVitalsWindow window);
}
