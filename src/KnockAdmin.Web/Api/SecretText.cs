namespace KnockAdmin.Web.Api;

/// <summary>How a secret is shown: base32 without padding (RFC 4648), the form authenticator apps and QR codes use.</summary>
public static class SecretText
{
    public static string Base32(ReadOnlySpan<byte> secret) => SimpleBase.Base32.Rfc4648.Encode(secret, padding: false);

    public static byte[] FromBase32(string text) => SimpleBase.Base32.Rfc4648.Decode(text);
}
