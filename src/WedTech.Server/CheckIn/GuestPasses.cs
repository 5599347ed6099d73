using System.Buffers.Text;
using System.Security.Cryptography;
using QRCoder;
using WedTech.Server.Guests;
using WedTech.Server.Identity;
using WedTech.Server.Tenancy;

namespace WedTech.Server.CheckIn;

/// <summary>What a guest pass's code says, before it is checked against the household it names.</summary>
public sealed record PassReading(Guid StudioId, Guid WeddingId, Guid HouseholdId, byte[] Mac);

/// <summary>
/// A household's guest pass: the QR it shows at the door, holding <c>WT1</c> and, in base64url, the studio, the wedding, the
/// household and a 128-bit HMAC-SHA256 of the three and the moment the household's RSVP link was issued, under a key derived
/// (HKDF) from the server's signing key. Nothing is stored: the pass is derived from the RSVP link, so it exists while the
/// link does, and issuing a new link or revoking it ends the old pass with it (a pass taken from a guest's phone dies with
/// the link); a new link brings a new pass on the RSVP page. A code cannot be made without the key, nor changed to name
/// another household.
/// </summary>
public sealed class GuestPasses(TenantContext tenant, SigningKey signingKey) : IRsvpPagePass
{
    public const string Prefix = "WT1";
    private const int MacLength = 16;
    private const int PayloadLength = 48 + MacLength;

    /// <summary>The length of a code: the prefix and 64 bytes in unpadded base64url.</summary>
    public static readonly int CodeLength = Prefix.Length + Base64Url.GetEncodedLength(PayloadLength);

    private byte[]? _key;

    private byte[] Key => _key ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Key.Key, 32, info: "WedTech guest passes"u8.ToArray());

    /// <summary>The household's pass code; null while it has no RSVP link.</summary>
    public string? Code(Guid weddingId, Guid householdId, DateTimeOffset? linkIssuedAt)
    {
        if (linkIssuedAt is not { } issuedAt)
        {
            return null;
        }
        var payload = new byte[PayloadLength];
        tenant.Current.Id.TryWriteBytes(payload.AsSpan(0, 16));
        weddingId.TryWriteBytes(payload.AsSpan(16, 16));
        householdId.TryWriteBytes(payload.AsSpan(32, 16));
        Mac(payload.AsSpan(0, 48), issuedAt).CopyTo(payload.AsSpan(48));
        return Prefix + Base64Url.EncodeToString(payload);
    }

    /// <summary>What a code says, unchecked; null when it is not a pass's code at all.</summary>
    public static PassReading? Read(string code)
    {
        code = code.Trim();
        if (code.Length != CodeLength || !code.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var payload = new byte[PayloadLength];
        if (Base64Url.DecodeFromChars(code.AsSpan(Prefix.Length), payload, out _, out var written) != System.Buffers.OperationStatus.Done || written != PayloadLength)
        {
            return null;
        }
        return new PassReading(new Guid(payload.AsSpan(0, 16)), new Guid(payload.AsSpan(16, 16)), new Guid(payload.AsSpan(32, 16)), payload[48..]);
    }

    /// <summary>Whether the code was made by this server for this studio, wedding and household and its current RSVP link.</summary>
    public bool Verify(PassReading reading, Guid weddingId, DateTimeOffset? linkIssuedAt)
    {
        if (linkIssuedAt is not { } issuedAt || reading.StudioId != tenant.Current.Id || reading.WeddingId != weddingId)
        {
            return false;
        }
        Span<byte> subject = stackalloc byte[48];
        reading.StudioId.TryWriteBytes(subject[..16]);
        reading.WeddingId.TryWriteBytes(subject[16..32]);
        reading.HouseholdId.TryWriteBytes(subject[32..]);
        return CryptographicOperations.FixedTimeEquals(Mac(subject, issuedAt), reading.Mac);
    }

    private byte[] Mac(ReadOnlySpan<byte> ids, DateTimeOffset issuedAt)
    {
        Span<byte> subject = stackalloc byte[56];
        ids.CopyTo(subject);
        BitConverter.TryWriteBytes(subject[48..], issuedAt.ToUnixTimeMilliseconds());
        return HMACSHA256.HashData(Key, subject)[..MacLength];
    }

    /// <summary>The pass as the RSVP page shows it: a scalable SVG (a single path), or nothing while the household has no link.</summary>
    public string? Svg(Household household) => Code(household.WeddingId, household.Id, household.RsvpLinkIssuedAt) is { } code ? Svg(code) : null;

    public static string Svg(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>The pass as a PNG, 8 pixels a module: for printing, and for a phone's screen.</summary>
    public static byte[] Png(string code)
    {
        using var data = QRCodeGenerator.GenerateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
