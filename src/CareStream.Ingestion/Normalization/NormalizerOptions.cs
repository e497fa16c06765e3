using System.ComponentModel.DataAnnotations;

namespace CareStream.Ingestion.Normalization;

/// <summary>Normalizer settings (section <c>Ingestion:Normalizer</c>).</summary>
public sealed class NormalizerOptions
{
    public const string SectionName = "Ingestion:Normalizer";

    /// <summary>
    /// <c>Ingestion:Normalizer:AssociationWait</c>: how long a reading from an unknown device waits for the registry
    /// to catch up before it is held as unassociated (a device associated a moment ago is attributed, not held).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Ingestion:Normalizer:AssociationWait must be between 0 and 1 min.")]
    public TimeSpan AssociationWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Ingestion:Normalizer:UnassociatedEventInterval</c>: while a device keeps publishing without a patient, how
    /// often its held readings raise the "unassociated device" technical event again (the first one always does).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Ingestion:Normalizer:UnassociatedEventInterval must be between 1 s and 1 h.")]
    public TimeSpan UnassociatedEventInterval { get; set; } = TimeSpan.FromMinutes(1);
}
