using YamlDotNet.RepresentationModel;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>Small path helpers over YamlDotNet's representation model.</summary>
internal static class YamlNodeExtensions
{
    public static YamlNode? Child(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping
                || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    public static string? Scalar(this YamlNode? node, params string[] path) =>
        (node.Child(path) as YamlScalarNode)?.Value;

    public static int? Int(this YamlNode? node, params string[] path) =>
        int.TryParse(node.Scalar(path), System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    public static IReadOnlyList<YamlNode> Items(this YamlNode? node, params string[] path) =>
        node.Child(path) is YamlSequenceNode sequence ? [.. sequence.Children] : [];

    public static IReadOnlyList<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node, params string[] path) =>
        node.Child(path) is YamlMappingNode mapping
            ? [.. mapping.Children.Select(e => new KeyValuePair<string, YamlNode>(((YamlScalarNode)e.Key).Value ?? "", e.Value))]
            : [];

    /// <summary>All scalar strings below a node (a sequence of arguments, a block script, a single value).</summary>
    public static IEnumerable<string> Strings(this YamlNode? node) => node switch
    {
        YamlScalarNode scalar when scalar.Value is not null => [scalar.Value],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Strings),
        YamlMappingNode mapping => mapping.Children.Values.SelectMany(Strings),
        _ => [],
    };

    /// <summary>Every (key, value) pair anywhere below a node, depth first.</summary>
    public static IEnumerable<KeyValuePair<string, YamlNode>> Descendants(this YamlNode node)
    {
        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.Select(e =>
                new KeyValuePair<string, YamlNode>((e.Key as YamlScalarNode)?.Value ?? "", e.Value)),
            YamlSequenceNode sequence => sequence.Children.Select(c => new KeyValuePair<string, YamlNode>("", c)),
            _ => [],
        };

        foreach (var child in children)
        {
            yield return child;
            foreach (var grandChild in child.Value.Descendants())
            {
                yield return grandChild;
            }
        }
    }
}
