namespace CareStream.ArchitectureTests.Deploy;

/// <summary>Reads deploy/Dockerfile line by line (no parser needed for FROM and USER).</summary>
internal static class Dockerfile
{
    public const string RelativePath = "deploy/Dockerfile";

    public static IReadOnlyList<string> Lines() =>
        [.. File.ReadAllLines(RepositoryRoot.Combine(RelativePath)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    /// <summary>Images named by FROM, leaving out references to earlier build stages.</summary>
    public static IReadOnlyList<string> BaseImages()
    {
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var images = new List<string>();
        foreach (var words in Lines().Select(Words).Where(w => w[0].Equals("FROM", StringComparison.OrdinalIgnoreCase)))
        {
            var image = words.Skip(1).First(w => !w.StartsWith("--", StringComparison.Ordinal));
            if (!stages.Contains(image))
            {
                images.Add(image);
            }

            var asIndex = Array.FindIndex(words, w => w.Equals("AS", StringComparison.OrdinalIgnoreCase));
            if (asIndex > 0 && asIndex + 1 < words.Length)
            {
                stages.Add(words[asIndex + 1]);
            }
        }

        return images;
    }

    public static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
