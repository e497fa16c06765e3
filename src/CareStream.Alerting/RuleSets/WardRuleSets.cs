using System.Collections.Concurrent;
using CareStream.Domain;
using CareStream.Rules.RuleSets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.RuleSets;

/// <summary>
/// The rule set in force per ward: <c>&lt;RuleSetDirectory&gt;/&lt;ward&gt;.json</c>, else <c>default.json</c> there,
/// else the shipped <see cref="DefaultRuleSet"/>. Files are validated with <see cref="RuleSetLoader"/>: at start an
/// invalid file stops the host with every error listed; on a later <see cref="Refresh"/> an invalid edit is logged
/// and the previous valid version stays in force (a typo must not switch a ward's alarms off).
/// A changed set is a new instance, so trackers notice it by reference and swap their rules (no restart).
/// </summary>
public sealed class WardRuleSets
{
    /// <summary>File name (without <c>.json</c>) of the rule set for wards without their own file.</summary>
    public const string DefaultFileName = "default";

    /// <summary>Ward key used for patients the registry has not placed yet.</summary>
    public const string UnplacedWard = "unplaced";

    private readonly string? _directory;
    private readonly ILogger<WardRuleSets> _logger;
    private readonly Lock _refreshGate = new();
    private readonly ConcurrentDictionary<string, LoadedFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RuleSet> _builtIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileStamp> _rejected = new(StringComparer.Ordinal);

    public WardRuleSets(IOptions<AlertingOptions> options, ILogger<WardRuleSets> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _directory = string.IsNullOrWhiteSpace(options.Value.RuleSetDirectory) ? null : Path.GetFullPath(options.Value.RuleSetDirectory);
        _logger = logger;
    }

    /// <summary>The rule set in force for <paramref name="ward"/> (null = not placed by the registry).</summary>
    public RuleSet For(WardId? ward)
    {
        var key = ward?.Value ?? UnplacedWard;
        if (_files.TryGetValue(key, out var own))
        {
            return own.RuleSet;
        }

        return _files.TryGetValue(DefaultFileName, out var fallback)
            ? fallback.RuleSet
            : _builtIn.GetOrAdd(key, static w => DefaultRuleSet.Create(w));
    }

    /// <summary>Loads every file; throws listing all errors when one is invalid (call once at start).</summary>
    /// <exception cref="InvalidOperationException">A file is invalid or the folder does not exist.</exception>
    public void Initialize()
    {
        if (_directory is not null && !Directory.Exists(_directory))
        {
            throw new InvalidOperationException($"Alerting:RuleSetDirectory '{_directory}' does not exist.");
        }

        var errors = Scan(strict: true);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid alarm rule set file(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }

    /// <summary>Re-reads files whose size or time stamp changed, and drops removed ones.</summary>
    public void Refresh() => Scan(strict: false);

    private List<string> Scan(bool strict)
    {
        var errors = new List<string>();
        if (_directory is null || !Directory.Exists(_directory))
        {
            return errors;
        }

        lock (_refreshGate)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in Directory.EnumerateFiles(_directory, "*.json").Order(StringComparer.Ordinal))
            {
                var ward = Path.GetFileNameWithoutExtension(path);
                seen.Add(ward);
                var info = new FileInfo(path);
                var stamp = new FileStamp(info.LastWriteTimeUtc, info.Length);
                if ((_files.TryGetValue(ward, out var known) && known.Stamp == stamp)
                    || (_rejected.TryGetValue(ward, out var rejected) && rejected == stamp))
                {
                    continue;
                }

                if (Load(path, ward, stamp) is { } error)
                {
                    errors.Add($"{path}: {error}");
                }
            }

            foreach (var gone in _rejected.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _rejected.Remove(gone);
            }

            foreach (var removed in _files.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                _files.TryRemove(removed, out _);
                Log.RuleSetRemoved(_logger, Path.Combine(_directory, removed + ".json"), removed);
            }
        }

        if (!strict)
        {
            errors.Clear(); // already logged; the previous valid version stays
        }

        return errors;
    }

    private string? Load(string path, string ward, FileStamp stamp)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            return $"cannot be read: {ex.Message}"; // e.g. mid-write; the stamp is not recorded, so the next refresh retries
        }

        var result = RuleSetLoader.Load(json);
        string? error = null;
        if (!result.IsValid)
        {
            error = string.Join("; ", result.Errors);
            Log.RuleSetInvalid(_logger, path, error);
        }
        else if (ward != DefaultFileName && result.RuleSet.Ward != ward)
        {
            error = $"the rule set names ward '{result.RuleSet.Ward}' but the file is for ward '{ward}'";
            Log.RuleSetWardMismatch(_logger, path, result.RuleSet.Ward, ward);
        }

        if (error is not null)
        {
            _rejected[ward] = stamp; // logged once per version of the file, not on every refresh
            return error;
        }

        _rejected.Remove(ward);
        _files[ward] = new LoadedFile(result.RuleSet!, stamp);
        Log.RuleSetLoaded(_logger, result.RuleSet!.Id, result.RuleSet.Version, ward, path);
        return null;
    }

    private readonly record struct FileStamp(DateTime WrittenAt, long Length);

    private sealed record LoadedFile(RuleSet RuleSet, FileStamp Stamp);
}
