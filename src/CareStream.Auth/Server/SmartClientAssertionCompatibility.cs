using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CareStream.Auth.Server;

/// <summary>
/// SMART Backend Services clients (and Inferno) send client assertions with header <c>typ: JWT</c> and
/// <c>aud</c> = the token endpoint URL. OpenIddict 7 by default expects <c>typ: client-authentication+jwt</c> and
/// <c>aud</c> = the issuer (RFC 7523bis); this handler accepts both forms for client assertions only. Signature, issuer
/// (= client_id), lifetime and the client's JWKS are still validated by OpenIddict.
/// </summary>
internal static class SmartClientAssertionCompatibility
{
    /// <summary>OpenIddict's internal token type for client assertions (OpenIddictConstants.TokenTypeIdentifiers.Private).</summary>
    private const string ClientAssertionTokenType = "urn:openiddict:params:oauth:token-type:client_assertion";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenContext>()
            .UseInlineHandler(Handle)
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <summary>
    /// OpenIddict reads <c>typ: JWT</c> as a generic identity token; once the assertion validated against the client's
    /// keys with iss = client_id, mark it as the client assertion it is so the principal check accepts it.
    /// </summary>
    public static OpenIddictServerHandlerDescriptor TypeDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenContext>()
            .UseInlineHandler(MarkAsClientAssertion)
            .SetOrder(OpenIddictServerHandlers.Protection.ValidatePrincipal.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    private static ValueTask MarkAsClientAssertion(OpenIddictServerEvents.ValidateTokenContext context)
    {
        if (context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(ClientAssertionTokenType)
            && context.Principal is { } principal && principal.GetTokenType() == TokenTypeIdentifiers.IdentityToken)
        {
            principal.SetTokenType(ClientAssertionTokenType);
        }

        return ValueTask.CompletedTask;
    }

    private static ValueTask Handle(OpenIddictServerEvents.ValidateTokenContext context)
    {
        if (!context.ValidTokenTypes.Contains(ClientAssertionTokenType) || context.TokenValidationParameters is null)
        {
            return ValueTask.CompletedTask;
        }

        var issuer = context.Options.Issuer ?? context.BaseUri;
        if (issuer is not null)
        {
            context.ValidAudiences.Add(new Uri(issuer, AuthServerRoutes.Token).AbsoluteUri);
        }

        context.TokenValidationParameters.ValidTypes = [.. context.TokenValidationParameters.ValidTypes ?? [], "JWT"];
        return ValueTask.CompletedTask;
    }
}
