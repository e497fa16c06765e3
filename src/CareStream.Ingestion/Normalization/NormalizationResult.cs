namespace CareStream.Ingestion.Normalization;

/// <summary>What one ingress message became: canonical Observations to publish and what could not be used.</summary>
internal sealed record NormalizationResult(IReadOnlyList<NormalizedMessage> Messages, IReadOnlyList<NormalizationProblem> Problems);

/// <summary>One reason a message (or part of it) could not be used; the code travels in the dead-letter headers.</summary>
internal sealed record NormalizationProblem(string Code, string Reason);
