using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CareStream.Ingestion.UnitTests.Hl7;

/// <summary>
/// FsCheck generators of malformed HL7 v2 input (reliability-security.md B10): corpus messages with byte flips,
/// truncations, missing MSH, wrong delimiters, dropped/duplicated segments, delimiter floods, hostile escapes,
/// ~1 MB segments and pure noise; and MLLP byte streams with broken framing.
/// </summary>
internal static class Hl7Mutations
{
    private static readonly byte[][] Seeds = [.. Pcd01Corpus.Cases.Values.Select(c => Encoding.ASCII.GetBytes(c.Message))];
    private static readonly char[] Nasty = ['|', '^', '~', '\\', '&', '\r', '\n', '#', 'A', '0', ' ', '\t', '\0', '\u000B', '\u001C', '\u00FF'];
    private static readonly string[] Fragments = ["\\X", "\\XZ\\", "\\F", "\\", "\\E\\E\\", "\\X0D\\", "~~~", "^^^", "&&", "+0000", "-9999", "1e308", "NaN", "NM", "X", "EUI-64"];

    public static Gen<byte[]> Message { get; } = Gen.Frequency(
        (30, Mutate(FlipBytes)),
        (15, Mutate(Truncate)),
        (10, Gen.Elements(Seeds).Select(DropMsh)),
        (10, Mutate(WrongDelimiters)),
        (10, Mutate(ShuffleSegments)),
        (10, Mutate(InsertJunk)),
        (5, Mutate(FloodDelimiters)),
        (5, Mutate(InsertFragment)),
        (4, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))),
        (1, Mutate(HugeSegment)));

    /// <summary>Several corpus or mutated messages framed, then the framing itself damaged.</summary>
    public static Gen<byte[]> MllpStream { get; } =
        from messages in Gen.ListOf(Gen.Frequency((3, Gen.Elements(Seeds)), (1, Message)), 4)
        from damage in Gen.ArrayOf(Gen.Choose(0, 5), 4)
        from noise in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 8)
        select Frame(messages, damage, noise);

    private static Gen<byte[]> Mutate(Func<byte[], int, int, byte[]> mutation) =>
        from seed in Gen.Elements(Seeds)
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        select mutation(seed, a, b);

    private static byte[] FlipBytes(byte[] seed, int a, int b)
    {
        var copy = (byte[])seed.Clone();
        var random = new Random(a);
        for (var i = 0; i <= b % 8; i++)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Truncate(byte[] seed, int a, int b) => seed[..(a % (seed.Length + 1))];

    private static byte[] DropMsh(byte[] seed) => seed[(Array.IndexOf(seed, (byte)'\r') + 1)..];

    private static byte[] WrongDelimiters(byte[] seed, int a, int b)
    {
        var copy = (byte[])seed.Clone();
        copy[3 + (a % 5)] = (byte)Nasty[b % Nasty.Length];
        return copy;
    }

    private static byte[] ShuffleSegments(byte[] seed, int a, int b)
    {
        var segments = Encoding.ASCII.GetString(seed).Split('\r').ToList();
        var random = new Random(a);
        var i = random.Next(segments.Count);
        switch (b % 3)
        {
            case 0: segments.RemoveAt(i); break;
            case 1: segments.Insert(random.Next(segments.Count), segments[i]); break;
            default: (segments[i], segments[0]) = (segments[0], segments[i]); break;
        }

        return Encoding.ASCII.GetBytes(string.Join('\r', segments));
    }

    private static byte[] InsertJunk(byte[] seed, int a, int b)
    {
        var random = new Random(b);
        var junk = new byte[1 + (a % 64)];
        random.NextBytes(junk);
        var at = random.Next(seed.Length + 1);
        return [.. seed[..at], .. junk, .. seed[at..]];
    }

    private static byte[] FloodDelimiters(byte[] seed, int a, int b)
    {
        var flood = Encoding.ASCII.GetBytes(new string(Nasty[a % 5], 100 + (b % 400)));
        var at = (a / 7) % (seed.Length + 1);
        return [.. seed[..at], .. flood, .. seed[at..]];
    }

    private static byte[] InsertFragment(byte[] seed, int a, int b)
    {
        var fragment = Encoding.ASCII.GetBytes(Fragments[a % Fragments.Length]);
        var at = b % (seed.Length + 1);
        return [.. seed[..at], .. fragment, .. seed[at..]];
    }

    private static byte[] HugeSegment(byte[] seed, int a, int b)
    {
        var size = 900_000 + (a % 200_000);
        var filler = (byte)"x|^~&\\"[b % 6];
        var segment = new byte[size + 5];
        "NTE|1"u8.CopyTo(segment);
        segment.AsSpan(5).Fill(filler);
        var at = Array.IndexOf(seed, (byte)'\r') + 1;
        return [.. seed[..at], .. segment, (byte)'\r', .. seed[at..]];
    }

    private static byte[] Frame(List<byte[]> messages, int[] damage, byte[] noise)
    {
        var stream = new List<byte>();
        for (var i = 0; i < messages.Count; i++)
        {
            var framed = CareStream.Ingestion.Hl7.MllpFramer.Frame(messages[i]).ToList();
            switch (damage[i % damage.Length])
            {
                case 1: framed.RemoveAt(0); break;                      // no start byte
                case 2: framed.RemoveRange(framed.Count - 2, 2); break; // no end block
                case 3: framed.Insert(framed.Count / 2, 0x0B); break;   // start byte inside
                case 4: framed.InsertRange(0, noise); break;            // garbage before
                case 5: framed.Insert(framed.Count / 2, 0x1C); break;   // early end block
            }

            stream.AddRange(framed);
        }

        return [.. stream];
    }
}
