namespace CareStream.Alerting.Commands;

/// <summary>The JSON shape of one <c>carestream.patient-commands.v1</c> record (contract: <see cref="PatientCommandCodec"/>).</summary>
internal sealed class PatientCommandMessage
{
    public int SchemaVersion { get; set; }

    public string? CommandId { get; set; }

    public string? Type { get; set; }

    public string? Patient { get; set; }

    public string? EpisodeId { get; set; }

    public string? By { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public int? AudioPauseSeconds { get; set; }

    public string? Assessment { get; set; }

    public string? Note { get; set; }

    public bool? OnOxygen { get; set; }

    public string? Consciousness { get; set; }

    public int? Spo2Scale { get; set; }

    /// <summary>Limits: parameter name → override, in the rule-set JSON shape (see <see cref="LimitOverridesJson"/>).</summary>
    public System.Text.Json.JsonElement? Limits { get; set; }
}
