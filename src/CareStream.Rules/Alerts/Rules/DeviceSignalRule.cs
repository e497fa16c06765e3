using CareStream.Domain.Alerts;

namespace CareStream.Rules.Alerts.Rules;

/// <summary>
/// Technical alarm for a signal condition the device itself reports (sensor off, invalid signal), after
/// IEC 60601-1-8 technical alarm conditions (Philips "INOP"). Holds while any device of the patient reports it.
/// CareStream v1.
/// </summary>
public sealed class DeviceSignalRule : IAlertRule
{
    private readonly DeviceSignalCondition _condition;
    private readonly AlarmPriority _priority;

    public DeviceSignalRule(string id, int version, DeviceSignalCondition condition, AlarmPriority priority)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        (Id, Version, _condition, _priority) = (id, version, condition, priority);
    }

    public string Id { get; }

    public int Version { get; }

    public AlertDecision? Evaluate(PatientVitalsWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var reports = window.ActiveSignalConditions.Where(r => r.Condition == _condition).ToList();
        if (reports.Count == 0)
        {
            return null;
        }

        var detail = $"{_condition}: {string.Join(", ", reports.Select(r => $"{r.Device.Value}/{r.Kind}"))}";
        return new AlertDecision(
            Id, Version, AlarmCategory.Technical, _priority, _condition.ToString(), detail,
            reports.Min(r => r.ReportedAt), reports.Max(r => r.ReportedAt), [], Latching: false);
    }
}
