using CareStream.Auth.Keys;

namespace CareStream.Auth.UnitTests.Keys;

public sealed class DevelopmentKeyStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"carestream-keys-{Guid.NewGuid():N}");

    [Fact]
    public void GivenKeysCreated_WhenStoreReopened_ThenSameKeyIdAndPrivateKeyFileIsOwnerOnly()
    {
        var first = new DevelopmentKeyStore(_directory).SigningKey;

        var second = new DevelopmentKeyStore(_directory).SigningKey;

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(first.Rsa.ExportRSAPublicKeyPem(), second.Rsa.ExportRSAPublicKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, DevelopmentKeyStore.SigningKeyFile)));
        }
    }

    [Fact]
    public void GivenStore_WhenPublicKeyTaken_ThenItHasNoPrivatePart()
    {
        var store = new DevelopmentKeyStore(_directory);

        var publicKey = store.PublicSigningKey;

        Assert.Equal(store.SigningKey.KeyId, publicKey.KeyId);
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => publicKey.Rsa.ExportRSAPrivateKey());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
