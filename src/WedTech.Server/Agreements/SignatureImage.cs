using SkiaSharp;

namespace WedTech.Server.Agreements;

/// <summary>A drawn signature as the browser sends it: a PNG data URL of the canvas. Refused when empty, too large, or not a PNG.</summary>
public static class SignatureImage
{
    public const string Prefix = "data:image/png;base64,";

    /// <summary>At most this many bytes of PNG.</summary>
    public const int MaxBytes = 150_000;

    /// <summary>A signature needs at least this many drawn pixels (a dot or a stray tap is not a signature).</summary>
    public const int MinInkPixels = 60;

    public static byte[]? Read(string? dataUrl, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(dataUrl))
        {
            errors.Add(field, "Draw your signature in the box.");
            return null;
        }
        if (dataUrl.Length > ContractLimits.MaxSignatureChars)
        {
            errors.Add(field, "The signature is too large; clear it and draw it again.");
            return null;
        }
        if (!dataUrl.StartsWith(Prefix, StringComparison.Ordinal))
        {
            errors.Add(field, "Send the signature as a PNG image (data:image/png;base64,…).");
            return null;
        }
        var bytes = new byte[(dataUrl.Length - Prefix.Length) * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(dataUrl[Prefix.Length..], bytes, out var length))
        {
            errors.Add(field, "The signature is not a readable image; clear it and draw it again.");
            return null;
        }
        bytes = bytes[..length];
        if (length > MaxBytes)
        {
            errors.Add(field, "The signature is too large; clear it and draw it again.");
            return null;
        }
        ReadOnlySpan<byte> magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!bytes.AsSpan().StartsWith(magic))
        {
            errors.Add(field, "Send the signature as a PNG image.");
            return null;
        }
        using var bitmap = SKBitmap.Decode(bytes);
        if (bitmap is null || bitmap.Width is 0 or > 2000 || bitmap.Height is 0 or > 1000)
        {
            errors.Add(field, "The signature is not a readable image; clear it and draw it again.");
            return null;
        }
        if (Ink(bitmap) < MinInkPixels)
        {
            errors.Add(field, "The signature box is empty: draw your signature with your finger or the mouse.");
            return null;
        }
        return bytes;
    }

    /// <summary>Pixels that are drawn: not transparent and not near white.</summary>
    private static int Ink(SKBitmap bitmap)
    {
        var count = 0;
        foreach (var pixel in bitmap.Pixels)
        {
            if (pixel.Alpha > 64 && pixel.Red + pixel.Green + pixel.Blue < 600)
            {
                count++;
            }
        }
        return count;
    }
}
