namespace CareStream.Ingestion.Normalization;

/// <summary>
/// What one ingress message became: canonical Observations to publish, readings held because their device had no
/// patient at their effective time, and what could not be used at all.
/// </summary>
internal sealed record NormalizationResult(
    IReadOnlyList<NormalizedMessage> Messages, IReadOnlyList<HeldObservation> Held, IReadOnlyList<NormalizationProblem> Problems);

/// <summary>One reason a message (or part of it) could not be used; the code travels in the dead-letter headers.</summary>
internal sealed record NormalizationProblem(string Code, string Reason);
