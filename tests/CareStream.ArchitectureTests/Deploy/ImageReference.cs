using System.Text.RegularExpressions;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>
/// Judges a container image reference: pinned means a digest, or an exact version tag (x.y.z; x.y for
/// images whose upstream has two-part versions). Floating tags such as 10.0 or 15 are not pinned.
/// </summary>
internal static partial class ImageReference
{
    /// <summary>Images whose exact releases have two-part versions, with the reason.</summary>
    private static readonly Dictionary<string, string> TwoPartVersions = new()
    {
        ["postgres"] = "PostgreSQL 10+ numbers releases major.minor (15.18); the major alone (15) floats",
    };

    /// <returns>null when pinned, otherwise why not.</returns>
    public static string? WhyNotPinned(string image)
    {
        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return null;
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        if (colon <= lastSlash)
        {
            return "no tag (Docker would pull :latest)";
        }

        var tag = image[(colon + 1)..];
        if (tag.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            return "tag is latest";
        }

        var repository = image[..colon];
        var exact = TwoPartVersions.ContainsKey(repository) ? ExactTwoPartVersion() : ExactVersion();
        return exact.IsMatch(tag) ? null : $"tag '{tag}' is not an exact version";
    }

    [GeneratedRegex(@"^v?\d+\.\d+\.\d+([.-][0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactVersion();

    [GeneratedRegex(@"^\d+\.\d+(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex ExactTwoPartVersion();
}
