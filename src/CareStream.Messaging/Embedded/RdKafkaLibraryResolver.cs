using System.Reflection;
using System.Runtime.InteropServices;

namespace CareStream.Messaging.Embedded;

/// <summary>
/// Binds our P/Invokes to the librdkafka file Confluent.Kafka already loaded. On Debian 12 that is
/// <c>centos8-librdkafka.so</c> (the default build needs libsasl2.so.3, which Debian lacks); loading a
/// second copy would give two librdkafka instances whose handles must never mix.
/// </summary>
internal static class RdKafkaLibraryResolver
{
    public const string LibraryName = "librdkafka";

    private static readonly Lazy<IntPtr> Handle = new(LoadSameAsConfluent, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(RdKafkaLibraryResolver).Assembly, Resolve);
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == LibraryName ? Handle.Value : IntPtr.Zero;

    private static IntPtr LoadSameAsConfluent()
    {
        // Reading the version makes Confluent.Kafka load its native library (Library.Load is idempotent).
        _ = Confluent.Kafka.Library.Version;
        var loaded = FindLoadedPath();
        if (loaded is not null && NativeLibrary.TryLoad(loaded, out var handle))
        {
            return handle;
        }

        foreach (var candidate in Candidates())
        {
            if (NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            "Could not bind librdkafka's mock cluster API: no librdkafka native library that Confluent.Kafka loaded was found. "
            + "Check that the librdkafka.redist runtimes folder is deployed next to the application.");
    }

    // Linux: the loader's own record of what is mapped is the only certain answer.
    private static string? FindLoadedPath()
    {
        const string Maps = "/proc/self/maps";
        if (!OperatingSystem.IsLinux() || !File.Exists(Maps))
        {
            return null;
        }

        return File.ReadLines(Maps)
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var i and >= 0 ? line[i..] : null)
            .FirstOrDefault(path => path is not null && Path.GetFileName(path).Contains("librdkafka", StringComparison.Ordinal));
    }

    // Same order as Confluent.Kafka tries them when the maps file is not available.
    private static IEnumerable<string> Candidates()
    {
        var native = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        string[] names = OperatingSystem.IsWindows() ? ["librdkafka.dll"]
            : OperatingSystem.IsMacOS() ? ["librdkafka.dylib"]
            : ["librdkafka.so", "centos8-librdkafka.so", "alpine-librdkafka.so"];
        foreach (var name in names)
        {
            yield return Path.Combine(native, name);
        }
    }
}
