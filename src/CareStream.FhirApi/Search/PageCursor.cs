using System.Buffers.Text;
using System.Text;
using CareStream.FhirApi.Http;

namespace CareStream.FhirApi.Search;

/// <summary>
/// The opaque <c>_cursor</c> of <c>next</c>/<c>previous</c> links: a direction and a keyset position (base64url, so
/// any id is URL-safe). Forward: the items after the position; backward: the items before it, in the search's order.
/// </summary>
public readonly record struct PageCursor(bool Backward, string Position)
{
    public static PageCursor Forward(string position) => new(false, position);

    public static PageCursor Before(string position) => new(true, position);

    /// <summary>The cursor as a query parameter.</summary>
    public KeyValuePair<string, string> Parameter => new("_cursor", ToString());

    public override string ToString() =>
        (Backward ? "p" : "n") + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Position));

    /// <summary>The request's <c>_cursor</c>, or null; 400 when it is not one of ours (callers put it in <c>self</c>).</summary>
    public static PageCursor? Read(SearchParameters parameters, Func<string, bool>? isValidPosition = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = parameters.One("_cursor");
        if (text is null)
        {
            return null;
        }

        string? position = null;
        if (text.Length > 1 && text[0] is 'n' or 'p' && Base64Url.IsValid(text.AsSpan(1)))
        {
            try
            {
                position = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(text.AsSpan(1)));
            }
            catch (DecoderFallbackException)
            {
                position = null;
            }
        }

        if (string.IsNullOrEmpty(position) || !(isValidPosition?.Invoke(position) ?? true))
        {
            throw FhirRequestException.InvalidParameter("_cursor", "not a page cursor of this server.");
        }

        return new PageCursor(text[0] == 'p', position);
    }
}
