using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStream.Domain;

namespace CareStream.Rules.Lifecycle;

/// <summary>Deterministic ids: the same inputs always give the same id, so replays and redeliveries de-duplicate.</summary>
public static class StableIds
{
    /// <summary>Episode id = SHA-256 of rule id, patient id and condition start (UTC ticks), 32 hex chars.</summary>
    public static string EpisodeId(string ruleId, PatientId patient, DateTimeOffset conditionStartedAt) =>
        Hash(string.Create(CultureInfo.InvariantCulture, $"{ruleId}\n{patient.Value}\n{conditionStartedAt.UtcTicks}"));

    /// <summary>Event id = SHA-256 of episode id and a discriminator unique within the episode.</summary>
    public static string EventId(string episodeId, string discriminator) => Hash($"{episodeId}\n{discriminator}");

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
