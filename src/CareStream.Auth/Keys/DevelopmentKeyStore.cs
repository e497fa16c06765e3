using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.Auth.Keys;

/// <summary>
/// The embedded server's keys, persisted as PEM files under a data directory so that tokens (and refresh tokens)
/// survive restarts: an RSA signing key (the JWKS publishes its public half) and an RSA encryption key for
/// authorization codes and refresh tokens. Created on first use with mode 0600. Development only: a deployment
/// uses an external IdP or mounts keys from a secret store (see docs/adr/adr-2611-identity.md).
/// </summary>
public sealed class DevelopmentKeyStore
{
    public const string SigningKeyFile = "signing-key.pem";
    public const string EncryptionKeyFile = "encryption-key.pem";

    private readonly Lazy<RsaSecurityKey> _signing;
    private readonly Lazy<RsaSecurityKey> _encryption;

    public DevelopmentKeyStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _signing = new(() => LoadOrCreate(Path.Combine(directory, SigningKeyFile)));
        _encryption = new(() => LoadOrCreate(Path.Combine(directory, EncryptionKeyFile)));
    }

    public string Directory { get; }

    /// <summary>True when the signing key file already existed before this process (used for the "created" warning).</summary>
    public bool Exists => File.Exists(Path.Combine(Directory, SigningKeyFile));

    /// <summary>The private signing key, with a stable <c>kid</c> derived from its public half.</summary>
    public RsaSecurityKey SigningKey => _signing.Value;

    public RsaSecurityKey EncryptionKey => _encryption.Value;

    /// <summary>The public half of the signing key, as resource servers validate with it.</summary>
    public RsaSecurityKey PublicSigningKey =>
        new(RSA.Create(SigningKey.Rsa.ExportParameters(includePrivateParameters: false))) { KeyId = SigningKey.KeyId };

    /// <summary>Default directory: beside the embedded PostgreSQL data (root: /var/lib/carestream/auth).</summary>
    public static string DefaultDirectory() => Environment.IsPrivilegedProcess
        ? "/var/lib/carestream/auth"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "carestream", "auth");

    /// <summary>Another persisted key pair in the same directory (e.g. the integrator's demo key).</summary>
    public RsaSecurityKey LoadNamed(string fileName) => LoadOrCreate(Path.Combine(Directory, fileName));

    private static RsaSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(path));
        var publicDer = rsa.ExportSubjectPublicKeyInfo();
        return new RsaSecurityKey(rsa) { KeyId = Base64UrlEncoder.Encode(SHA256.HashData(publicDer)[..16]) };
    }

    private static void TryCreate(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(2048);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Another process may have won the race; its key is as good as ours, keep the first.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }
}
