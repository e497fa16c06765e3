using System.ComponentModel.DataAnnotations;

namespace CareStream.Fhir.Ingress;

/// <summary>Limits and lenience of <see cref="DeviceObservationParser"/>.</summary>
public sealed class DeviceObservationParserOptions
{
    public const string SectionName = "CareStream:Fhir:DeviceIngress";

    /// <summary>Largest accepted message in bytes (default 1 MiB).</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest accepted JSON nesting (default 64).</summary>
    [Range(8, 256)]
    public int MaxDepth { get; set; } = 64;

    /// <summary>Effective times further ahead of receipt than this are flagged (not rejected). Default 5 minutes.</summary>
    public TimeSpan ClockSkewTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Accept <c>effectivePeriod.start</c> / <c>effectiveInstant</c> in place of <c>effectiveDateTime</c>. Off by default:
    /// the CareStream profiles require effectiveDateTime, and the parser's verdict must equal the validator's.
    /// </summary>
    public bool AcceptEffectivePeriod { get; set; }
}
