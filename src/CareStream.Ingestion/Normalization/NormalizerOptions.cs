using System.ComponentModel.DataAnnotations;

namespace CareStream.Ingestion.Normalization;

/// <summary>Normalizer settings (section <c>Ingestion:Normalizer</c>).</summary>
public sealed class NormalizerOptions
{
    public const string SectionName = "Ingestion:Normalizer";

    /// <summary>
    /// <c>Ingestion:Normalizer:AssociationWait</c>: how long a reading from an unknown device waits for the registry
    /// to catch up before it is dead-lettered as unassociated (a device associated a moment ago is not lost).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Ingestion:Normalizer:AssociationWait must be between 0 and 1 min.")]
    public TimeSpan AssociationWait { get; set; } = TimeSpan.FromSeconds(5);
}
