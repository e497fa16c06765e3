using System.Text;

namespace CareStream.Storage.Registry;

/// <summary>
/// Case- and accent-insensitive name matching without the unaccent extension: one character table applied both in
/// SQL (<c>translate</c>) and to the search value, so both sides fold identically. ASCII letters lose case, common
/// Latin accented letters lose case and accent, hyphens become spaces (word breaks); anything else is kept.
/// </summary>
public static class NameFolding
{
    private static readonly (string From, string To)[] Pairs =
    [
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"),
        ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "aaaaaaaaaaaaaaaaaa"),
        ("ÇçĆćČč", "cccccc"),
        ("ĎďĐđ", "dddd"),
        ("ÈÉÊËèéêëĒēĘęĚě", "eeeeeeeeeeeeee"),
        ("ÌÍÎÏìíîïĪī", "iiiiiiiiii"),
        ("ŁłĹĺĽľ", "llllll"),
        ("ÑñŃńŇň", "nnnnnn"),
        ("ÒÓÔÕÖØòóôõöøŌōŐő", "oooooooooooooooo"),
        ("ŔŕŘř", "rrrr"),
        ("ŚśŠšŞş", "ssssss"),
        ("ŤťŢţ", "tttt"),
        ("ÙÚÛÜùúûüŪūŮůŰű", "uuuuuuuuuuuuuu"),
        ("ÝýÿŸ", "yyyy"),
        ("ŹźŻżŽž", "zzzzzz"),
        ("-", " "),
    ];

    /// <summary>The <c>translate</c> source characters.</summary>
    public static readonly string From = string.Concat(Pairs.Select(p => p.From));

    /// <summary>The <c>translate</c> target characters (same length as <see cref="From"/>).</summary>
    public static readonly string To = string.Concat(Pairs.Select(p => p.To));

    /// <summary>SQL folding <paramref name="column"/> into its words, each preceded by a space.</summary>
    public static string SqlWords(string column) => $"(' ' || translate({column}, @fold_from, @fold_to))";

    /// <summary>The value folded as <see cref="SqlWords"/> folds a column.</summary>
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var folded = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            var i = From.IndexOf(c, StringComparison.Ordinal);
            folded.Append(i < 0 ? c : To[i]);
        }

        return folded.ToString();
    }
}
