using CareStream.Domain.Alerts;

namespace CareStream.Rules.Alerts.Rules;

/// <summary>
/// Technical alarm: a device at the patient's bed is publishing data but is not associated with a patient, so its
/// readings cannot be attributed (and no physiological alarm can come from them). CareStream v1. The host lists
/// such devices in <see cref="PatientVitalsWindow.UnassociatedDevices"/>; for an empty bed it can track a
/// bed-scoped subject instead of a patient.
/// </summary>
public sealed class UnassociatedDeviceRule : IAlertRule
{
    private readonly AlarmPriority _priority;

    public UnassociatedDeviceRule(string id, int version, AlarmPriority priority)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        (Id, Version, _priority) = (id, version, priority);
    }

    public string Id { get; }

    public int Version { get; }

    public AlertDecision? Evaluate(PatientVitalsWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (window.UnassociatedDevices.Count == 0)
        {
            return null;
        }

        var detail = $"Unassociated device(s): {string.Join(", ", window.UnassociatedDevices.Select(d => d.Value))}";
        return new AlertDecision(
            Id, Version, AlarmCategory.Technical, _priority, "DeviceUnassociated", detail, window.Now, window.Now, [],
            Latching: false);
    }
}
