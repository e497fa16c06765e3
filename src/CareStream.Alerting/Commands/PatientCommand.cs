using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.Commands;

/// <summary>
/// One clinician command on <c>carestream.patient-commands.v1</c>. <see cref="CommandId"/> is deterministic
/// (<see cref="IdOf"/>): the same command always has the same id, and the alarm events it causes have ids derived
/// from the episode and <see cref="IssuedAt"/>, so a redelivered command never takes effect twice.
/// </summary>
/// <param name="CommandId">32 hex characters, see <see cref="IdOf"/>.</param>
/// <param name="Type">One of <see cref="PatientCommandTypes"/>.</param>
/// <param name="Patient">The patient (record key).</param>
/// <param name="By">Pseudonymous id of the acting clinician, or <c>unknown</c>.</param>
/// <param name="IssuedAt">When the API accepted it.</param>
/// <param name="EpisodeId">The alarm episode (acknowledge, audio-pause, annotate).</param>
/// <param name="AudioPause">Requested pause length (audio-pause); null = the rule set's default.</param>
/// <param name="Assessment">The assessment (annotate).</param>
/// <param name="Note">Optional free text (annotate), never logged.</param>
/// <param name="Charting">The charted inputs (charting).</param>
/// <param name="Limits">The patient's complete limit overrides per parameter (limits); empty = cleared, ward defaults apply.</param>
public sealed record PatientCommand(
    string CommandId,
    string Type,
    PatientId Patient,
    string By,
    DateTimeOffset IssuedAt,
    string? EpisodeId = null,
    TimeSpan? AudioPause = null,
    AlarmAssessment? Assessment = null,
    string? Note = null,
    ChartingUpdate? Charting = null,
    IReadOnlyDictionary<string, ParameterLimitsOverride>? Limits = null)
{
    /// <summary>A command with its deterministic id filled in.</summary>
    public static PatientCommand Create(
        string type, PatientId patient, string by, DateTimeOffset issuedAt, string? episodeId = null, TimeSpan? audioPause = null,
        AlarmAssessment? assessment = null, string? note = null, ChartingUpdate? charting = null,
        IReadOnlyDictionary<string, ParameterLimitsOverride>? limits = null)
    {
        var command = new PatientCommand(string.Empty, type, patient, by, issuedAt, episodeId, audioPause, assessment, note, charting, limits);
        return command with { CommandId = IdOf(command) };
    }

    /// <summary>SHA-256 over type, patient, episode, actor, issue time (UTC ticks) and payload; 32 hex characters.</summary>
    public static string IdOf(PatientCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = string.Join('\n', [
            command.Type, command.Patient.Value, command.EpisodeId ?? "", command.By,
            command.IssuedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            command.AudioPause?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "", command.Assessment?.ToString() ?? "",
            command.Note ?? "", command.Charting?.OnOxygen?.ToString() ?? "", command.Charting?.Consciousness?.ToString() ?? "",
            command.Charting?.SpO2Scale?.ToString() ?? "",
            command.Limits is null ? "" : LimitOverridesJson.Serialize(command.Limits),
        ]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
