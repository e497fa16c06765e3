using CareStream.Auth.Data;
using CareStream.Auth.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CareStream.Auth.Server;

/// <summary>Idempotent seeding of <see cref="DemoIdentities"/>: missing users and clients are created, existing ones kept.</summary>
internal sealed class DemoDataSeeder(
    IDbContextFactory<AuthDbContext> contexts, IOpenIddictApplicationManager applications, IOptions<AuthOptions> options, DevelopmentKeyStore keys)
{
    public async Task<(int Users, int Clients)> SeedAsync(CancellationToken cancellationToken)
    {
        var users = 0;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.Users.Select(u => u.Id).ToListAsync(cancellationToken);
            foreach (var demo in DemoIdentities.Users.Where(u => !existing.Contains(u.Id)))
            {
                var user = new AuthUser
                {
                    Id = demo.Id, UserName = demo.UserName, DisplayName = demo.DisplayName, PasswordHash = "",
                    Role = demo.Role, WardIds = demo.WardIds,
                };
                user.PasswordHash = LoginPage.HashPassword(user, demo.Password);
                db.Users.Add(user);
                users++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var clients = 0;
        foreach (var descriptor in Clients())
        {
            var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                clients++;
            }
            else if (descriptor.ClientId == DemoIdentities.DashboardClientId)
            {
                await FollowRedirectUriAsync(existing, descriptor, cancellationToken);
            }
        }

        return (users, clients);
    }

    /// <summary>The dashboard's registration follows the configured public URL (Auth:Issuer or Auth:DashboardRedirectUri).</summary>
    private async Task FollowRedirectUriAsync(object application, OpenIddictApplicationDescriptor wanted, CancellationToken cancellationToken)
    {
        var current = await applications.GetRedirectUrisAsync(application, cancellationToken);
        if (current.SequenceEqual(wanted.RedirectUris.Select(u => u.AbsoluteUri), StringComparer.Ordinal))
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.RedirectUris.Clear();
        descriptor.RedirectUris.UnionWith(wanted.RedirectUris);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
    }

    /// <summary>The integrator's demo key pair; its public half is the client's JWKS (private_key_jwt).</summary>
    public RsaSecurityKey IntegratorKey() =>
        keys.LoadNamed(DemoIdentities.IntegratorKeyFile);

    private IEnumerable<OpenIddictApplicationDescriptor> Clients()
    {
        var dashboard = new OpenIddictApplicationDescriptor
        {
            ClientId = DemoIdentities.DashboardClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            DisplayName = "CareStream dashboard",
            RedirectUris = { new Uri(options.Value.EffectiveDashboardRedirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in DemoIdentities.DashboardScopes.Where(s => s != OpenIddictConstants.Scopes.OpenId))
        {
            dashboard.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        yield return dashboard;

        yield return new OpenIddictApplicationDescriptor
        {
            ClientId = DemoIdentities.DeviceAdapterClientId,
            ClientSecret = DemoIdentities.DeviceAdapterSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Device adapter (demo)",
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + DemoIdentities.DeviceAdapterScope,
            },
        };

        var integratorKey = IntegratorKey();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(
            new RsaSecurityKey(integratorKey.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = integratorKey.KeyId });
        jwk.Use = JsonWebKeyUseNames.Sig;
        yield return new OpenIddictApplicationDescriptor
        {
            ClientId = DemoIdentities.IntegratorClientId,
            ClientType = ClientTypes.Confidential,
            DisplayName = "Integrator (demo, private_key_jwt)",
            JsonWebKeySet = new JsonWebKeySet { Keys = { jwk } },
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + DemoIdentities.IntegratorScope,
            },
        };
    }
}
