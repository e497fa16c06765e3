using CareStream.Domain.Alerts;

namespace CareStream.Messaging.Alerts;

/// <summary>The fixed strings of the alert wire format (never derived from C# member names).</summary>
public static class WireNames
{
    public const string Raised = "raised";
    public const string Escalated = "escalated";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
    public const string AudioPaused = "audioPaused";
    public const string PriorityIncreased = "priorityIncreased";
    public const string Annotated = "annotated";

    public static string Of(AlarmCategory category) => category switch
    {
        AlarmCategory.Physiological => "physiological",
        AlarmCategory.Technical => "technical",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static string Of(AlarmPriority priority) => priority switch
    {
        AlarmPriority.High => "high",
        AlarmPriority.Medium => "medium",
        AlarmPriority.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };

    public static string Of(AlarmStatus status) => status switch
    {
        AlarmStatus.Raised => Raised,
        AlarmStatus.Escalated => Escalated,
        AlarmStatus.Acknowledged => Acknowledged,
        AlarmStatus.Resolved => Resolved,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The wire name of an assessment: <c>true-positive</c> | <c>false-positive</c> | <c>non-actionable</c>.</summary>
    public static string Of(AlarmAssessment assessment) => assessment switch
    {
        AlarmAssessment.TruePositive => "true-positive",
        AlarmAssessment.FalsePositive => "false-positive",
        AlarmAssessment.NonActionable => "non-actionable",
        _ => throw new ArgumentOutOfRangeException(nameof(assessment), assessment, null),
    };

    /// <summary>Parses an assessment wire name; null when it is not one.</summary>
    public static AlarmAssessment? TryAssessment(string? value) => value switch
    {
        "true-positive" => AlarmAssessment.TruePositive,
        "false-positive" => AlarmAssessment.FalsePositive,
        "non-actionable" => AlarmAssessment.NonActionable,
        _ => null,
    };

    public static AlarmCategory Category(string? value) => value switch
    {
        "physiological" => AlarmCategory.Physiological,
        "technical" => AlarmCategory.Technical,
        _ => throw new FormatException($"Alert record has an unknown 'category' '{value}'."),
    };

    public static AlarmPriority Priority(string? value, string field) => value switch
    {
        "high" => AlarmPriority.High,
        "medium" => AlarmPriority.Medium,
        "low" => AlarmPriority.Low,
        _ => throw new FormatException($"Alert record has an unknown '{field}' '{value}'."),
    };

    public static AlarmStatus Status(string? value) => value switch
    {
        Raised => AlarmStatus.Raised,
        Escalated => AlarmStatus.Escalated,
        Acknowledged => AlarmStatus.Acknowledged,
        Resolved => AlarmStatus.Resolved,
        _ => throw new FormatException($"Alert record has an unknown 'status' '{value}'."),
    };
}
