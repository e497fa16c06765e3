using CareStream.Storage.Embedded;
using Microsoft.Extensions.Options;

namespace CareStream.Host;

/// <summary>Start-up failures whose message already tells the operator what to do.</summary>
internal static class StartupFailure
{
    public static bool IsExplained(Exception exception) => exception is
        PostgresBinariesNotFoundException or EmbeddedPostgresException or OptionsValidationException or ArgumentException;
}
