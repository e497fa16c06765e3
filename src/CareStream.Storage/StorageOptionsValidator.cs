using Microsoft.Extensions.Options;

namespace CareStream.Storage;

/// <summary>Checks that go beyond data annotations; every message names the setting to fix.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.EmbeddedDataDirectory is { } dataDirectory && !Path.IsPathFullyQualified(dataDirectory))
        {
            failures.Add($"Storage:EmbeddedDataDirectory must be an absolute path (got '{dataDirectory}').");
        }

        if (options.PostgresBinDirectory is { } binDirectory && !Directory.Exists(binDirectory))
        {
            failures.Add($"Storage:PostgresBinDirectory '{binDirectory}' does not exist.");
        }

        if (!options.UsesEmbeddedServer)
        {
            try
            {
                _ = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"ConnectionStrings:CareStream is not a valid Npgsql connection string: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
