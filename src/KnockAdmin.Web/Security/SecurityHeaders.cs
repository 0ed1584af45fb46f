namespace KnockAdmin.Web.Security;

/// <summary>The response headers of every UI and API response.</summary>
public static class SecurityHeaders
{
    public static HeaderPolicyCollection Policy { get; } = new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyNoReferrer()
        .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            // Blazor Server and MudBlazor run from our own script files and need no eval. The one inline script is
            // Blazor's import map, which carries the per-request nonce (see CspImportMap).
            csp.AddScriptSrc().Self().WithNonce();
            // MudBlazor and Blazor's reconnect UI set style attributes; styles cannot run code.
            csp.AddStyleSrc().Self().UnsafeInline();
            // MudBlazor draws some icons and the checkbox/radio marks as data: SVG images.
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();
            // The Blazor circuit's WebSocket: CSP Level 3 lets 'self' match ws:/wss: on the same host and port.
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddFrameAncestors().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
        });
}
