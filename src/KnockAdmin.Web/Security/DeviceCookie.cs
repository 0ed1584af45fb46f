using System.Globalization;
using System.Security.Cryptography;
using KnockAdmin.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace KnockAdmin.Web.Security;

/// <summary>
/// The device cookie of a browser that signed in successfully (after OWASP's "device cookies" against slow guessing):
/// a protected user id and a random device id. Attempts for that user from that browser are throttled on their own,
/// so wrong passwords sent from anywhere else, even from the same address, never slow the owner down. The data
/// protection keys sign and encrypt it; it proves nothing on its own and is no credential.
/// </summary>
public sealed class DeviceCookie(IDataProtectionProvider protection)
{
    public const string Name = "KnockAdmin.Device";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly IDataProtector _protector = protection.CreateProtector("KnockAdmin.DeviceCookie.v1");

    /// <summary>The device this browser proved earlier, or null (no cookie, or one that does not verify).</summary>
    public KnownDevice? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || value.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split(':');
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var userId)
                ? new KnownDevice(userId, parts[1])
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>After a successful sign-in: a fresh device id for <paramref name="userId"/> in this browser.</summary>
    public void Issue(HttpContext context, int userId)
    {
        var deviceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Response.Cookies.Append(Name, _protector.Protect($"{userId.ToString(CultureInfo.InvariantCulture)}:{deviceId}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = UiAuthentication.LoginPath,
            MaxAge = Lifetime,
        });
    }
}
