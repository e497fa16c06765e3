using System.Text.Json;

namespace CareStream.Messaging.Scores;

/// <summary>
/// Reads and writes <c>carestream.patient-scores.v1</c> records: key = patient id, value = small versioned JSON,
/// <c>{"schemaVersion":1,"patient":"…","ward":"…","bed":"…","score":7,"responseLevel":"high","scale":1,
/// "missing":[],"computedAt":"…","validUntil":"…"}</c> (<c>score</c> and <c>responseLevel</c> are null when
/// <c>missing</c> is not empty).
/// </summary>
public static class PatientScoreCodec
{
    /// <summary>The schema version this codec writes and the only one it reads.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The response levels on the wire, least urgent first.</summary>
    public static IReadOnlyList<string> ResponseLevels { get; } = ["low", "low-medium", "medium", "high"];

    /// <summary>The record key: the patient id.</summary>
    public static string KeyOf(PatientScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Patient;
    }

    /// <summary>Encodes one record.</summary>
    public static byte[] Encode(PatientScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var message = new PatientScoreMessage(
            SchemaVersion, score.Patient, score.Ward, score.Bed, score.Score, score.ResponseLevel, score.Scale,
            score.Missing, score.ComputedAt, score.ValidUntil);
        return JsonSerializer.SerializeToUtf8Bytes(message, PatientScoreJsonContext.Default.PatientScoreMessage);
    }

    /// <summary>Decodes one record.</summary>
    /// <exception cref="FormatException">Not a patient score of a known schema, or inconsistent; the message says why.</exception>
    public static PatientScore Decode(ReadOnlySpan<byte> value)
    {
        PatientScoreMessage? m;
        try
        {
            m = JsonSerializer.Deserialize(value, PatientScoreJsonContext.Default.PatientScoreMessage);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Patient score record is not valid JSON: " + ex.Message, ex);
        }

        if (m is null)
        {
            throw new FormatException("Patient score record is empty.");
        }

        if (m.SchemaVersion != SchemaVersion)
        {
            throw new FormatException($"Patient score record has schemaVersion {m.SchemaVersion}, expected {SchemaVersion}.");
        }

        if (string.IsNullOrWhiteSpace(m.Patient))
        {
            throw new FormatException("Patient score record has no patient.");
        }

        var missing = m.Missing ?? throw new FormatException("Patient score record has no missing[].");
        if (missing.Count == 0 != (m.Score is not null && m.ResponseLevel is not null))
        {
            throw new FormatException("Patient score record: score and responseLevel are set exactly when nothing is missing.");
        }

        if (m.ResponseLevel is not null && !ResponseLevels.Contains(m.ResponseLevel))
        {
            throw new FormatException($"Patient score record has an unknown responseLevel '{m.ResponseLevel}'.");
        }

        if (m.Score is < 0 or > 20 || m.Scale is not (1 or 2))
        {
            throw new FormatException("Patient score record has a score outside 0–20 or a scale other than 1 or 2.");
        }

        return new PatientScore(
            m.Patient, m.Ward, m.Bed, m.Score, m.ResponseLevel, m.Scale, missing,
            m.ComputedAt ?? throw new FormatException("Patient score record has no computedAt."),
            m.ValidUntil ?? throw new FormatException("Patient score record has no validUntil."));
    }
}
