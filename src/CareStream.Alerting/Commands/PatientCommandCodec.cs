using System.Text.Json;
using CareStream.Domain;
using CareStream.Messaging.Alerts;
using CareStream.Rules.News2;

namespace CareStream.Alerting.Commands;

/// <summary>
/// Wire format of <c>carestream.patient-commands.v1</c>: key = patient id, value = one UTF-8 JSON object, schema
/// version 1, camelCase, absent = null:
/// <list type="bullet">
/// <item>Always: <c>schemaVersion</c> (1), <c>commandId</c> (deterministic, 32 hex), <c>type</c>
/// (<c>acknowledge</c> | <c>audio-pause</c> | <c>annotate</c> | <c>charting</c> | <c>limits</c>), <c>patient</c>, <c>by</c>,
/// <c>issuedAt</c> (ISO 8601 with offset).</item>
/// <item>Alarm commands: <c>episodeId</c>; <c>audioPauseSeconds</c> (audio-pause, optional, 1–600);
/// <c>assessment</c> (<c>true-positive</c> | <c>false-positive</c> | <c>non-actionable</c>) and <c>note</c> (annotate, ≤ 500 chars).</item>
/// <item>Charting: any of <c>onOxygen</c> (bool), <c>consciousness</c> (<c>A</c> | <c>C</c> | <c>V</c> | <c>P</c> | <c>U</c>),
/// <c>spo2Scale</c> (1 | 2); absent fields keep their charted value.</item>
/// <item>Limits (<c>type</c> = <c>limits</c>): <c>limits</c>, required, the patient's complete per-parameter overrides in
/// the rule-set shape, e.g. <c>{"heartRate":{"warningHigh":{"limit":120,"priority":"medium","delaySeconds":10}}}</c>;
/// <c>{}</c> clears them (ward defaults apply). Each record replaces the previous overrides.</item>
/// </list>
/// Readers ignore unknown fields; a breaking change gets a new topic version.
/// </summary>
public static class PatientCommandCodec
{
    public const int SchemaVersion = 1;

    public const int MaxNoteLength = Rules.Lifecycle.AlarmLifecycle.MaxNoteLength;

    public static byte[] Encode(PatientCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var message = new PatientCommandMessage
        {
            SchemaVersion = SchemaVersion,
            CommandId = command.CommandId,
            Type = command.Type,
            Patient = command.Patient.Value,
            EpisodeId = command.EpisodeId,
            By = command.By,
            IssuedAt = command.IssuedAt,
            AudioPauseSeconds = command.AudioPause is { } pause ? (int)pause.TotalSeconds : null,
            Assessment = command.Assessment is { } assessment ? WireNames.Of(assessment) : null,
            Note = command.Note,
            OnOxygen = command.Charting?.OnOxygen,
            Consciousness = command.Charting?.Consciousness is { } level ? LetterOf(level) : null,
            Spo2Scale = command.Charting?.SpO2Scale is { } scale ? (int)scale : null,
            Limits = command.Limits is { } limits ? LimitOverridesJson.ToElement(limits) : null,
        };
        return JsonSerializer.SerializeToUtf8Bytes(message, PatientCommandJsonContext.Default.PatientCommandMessage);
    }

    /// <exception cref="FormatException">Not a command of a known schema; the message names the field.</exception>
    public static PatientCommand Decode(ReadOnlySpan<byte> value)
    {
        PatientCommandMessage? m;
        try
        {
            m = JsonSerializer.Deserialize(value, PatientCommandJsonContext.Default.PatientCommandMessage);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Command record is not valid JSON: " + ex.Message, ex);
        }

        if (m is null || m.SchemaVersion != SchemaVersion)
        {
            throw new FormatException($"Command record has schemaVersion {m?.SchemaVersion}, expected {SchemaVersion}.");
        }

        var type = m.Type is PatientCommandTypes.Acknowledge or PatientCommandTypes.AudioPause or PatientCommandTypes.Annotate or PatientCommandTypes.Charting
            or PatientCommandTypes.Limits
            ? m.Type : throw new FormatException($"Command record has an unknown 'type' '{m.Type}'.");
        var command = new PatientCommand(
            Required(m.CommandId, "commandId"), type, new PatientId(Required(m.Patient, "patient")), Required(m.By, "by"),
            m.IssuedAt ?? throw Missing("issuedAt"));
        return type switch
        {
            PatientCommandTypes.Acknowledge => command with { EpisodeId = Required(m.EpisodeId, "episodeId") },
            PatientCommandTypes.AudioPause => command with
            {
                EpisodeId = Required(m.EpisodeId, "episodeId"),
                AudioPause = m.AudioPauseSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            },
            PatientCommandTypes.Annotate => command with
            {
                EpisodeId = Required(m.EpisodeId, "episodeId"),
                Assessment = WireNames.TryAssessment(m.Assessment) ?? throw new FormatException($"Command record has an unknown 'assessment' '{m.Assessment}'."),
                Note = m.Note is { Length: > MaxNoteLength } ? throw new FormatException($"Command record 'note' exceeds {MaxNoteLength} characters.") : m.Note,
            },
            PatientCommandTypes.Limits => command with { Limits = LimitsOf(m.Limits) },
            _ => command with
            {
                Charting = new ChartingUpdate(
                    m.OnOxygen,
                    m.Consciousness is null ? null : TryConsciousness(m.Consciousness) ?? throw new FormatException($"Command record has an unknown 'consciousness' '{m.Consciousness}'."),
                    m.Spo2Scale is null ? null : TrySpO2Scale(m.Spo2Scale) ?? throw new FormatException($"Command record has an unknown 'spo2Scale' {m.Spo2Scale}.")),
            },
        };
    }

    /// <summary>ACVPU letter → level: A, C (new confusion), V, P, U; null when not one of them.</summary>
    public static Consciousness? TryConsciousness(string? letter) => letter switch
    {
        "A" => Consciousness.Alert,
        "C" => Consciousness.NewConfusion,
        "V" => Consciousness.Voice,
        "P" => Consciousness.Pain,
        "U" => Consciousness.Unresponsive,
        _ => null,
    };

    /// <summary>1 or 2; null otherwise.</summary>
    public static SpO2Scale? TrySpO2Scale(int? scale) => scale switch
    {
        1 => SpO2Scale.Scale1,
        2 => SpO2Scale.Scale2,
        _ => null,
    };

    private static string LetterOf(Consciousness level) => level switch
    {
        Consciousness.Alert => "A",
        Consciousness.NewConfusion => "C",
        Consciousness.Voice => "V",
        Consciousness.Pain => "P",
        Consciousness.Unresponsive => "U",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    private static IReadOnlyDictionary<string, Rules.RuleSets.ParameterLimitsOverride> LimitsOf(JsonElement? limits)
    {
        if (limits is not { ValueKind: JsonValueKind.Object } element)
        {
            throw new FormatException("Command record of type 'limits' lacks the 'limits' object.");
        }

        try
        {
            return LimitOverridesJson.Parse(element);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Command record has invalid 'limits': " + ex.Message, ex);
        }
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(name) : value;

    private static FormatException Missing(string name) => new($"Command record lacks '{name}'.");
}
