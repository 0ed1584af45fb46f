using QRCoder;

namespace KnockAdmin.Web.Panel;

/// <summary>A QR code as a PNG data URI, drawn by QRCoder without any graphics library (the CSP allows data: images).</summary>
public static class QrImage
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
