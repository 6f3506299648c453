using System.Security.Cryptography;
using NSec.Cryptography;

namespace HomelabManager.Integrations.Vpn.WireGuard;

/// <summary>
/// WireGuard keys: 32-byte X25519 (Curve25519) values written as standard base64 (44 characters ending in <c>=</c>,
/// as <c>wg genkey</c>/<c>wg pubkey</c> print them). The public key is X25519(private, 9), computed by libsodium
/// through NSec.
/// </summary>
internal static class WireGuardKeys
{
    /// <summary>Bytes in a key.</summary>
    public const int KeyBytes = 32;

    /// <summary>Characters in a key's base64 form.</summary>
    public const int KeyChars = 44;

    /// <summary>A new key pair; the private key is clamped like <c>wg genkey</c>'s.</summary>
    public static WireGuardKeyPair Generate()
    {
        var secret = new byte[KeyBytes];
        try
        {
            RandomNumberGenerator.Fill(secret);
            Clamp(secret);
            return new WireGuardKeyPair(Convert.ToBase64String(secret), PublicKeyOf(secret));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The public key of a base64 private key (what <c>wg pubkey</c> prints); throws <see cref="FormatException"/> when it is not a key.</summary>
    public static string PublicKeyOf(string privateKey)
    {
        var secret = Decode(privateKey) ?? throw new FormatException("not a WireGuard key: expected 44 characters of base64 encoding 32 bytes");
        try
        {
            return PublicKeyOf(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>True when <paramref name="text"/> is a key as wg accepts it: base64 of exactly 32 bytes, 44 characters.</summary>
    public static bool IsKey(string? text)
    {
        var bytes = Decode(text);
        if (bytes is null)
        {
            return false;
        }

        CryptographicOperations.ZeroMemory(bytes);
        return true;
    }

    /// <summary>The 32 bytes of a base64 key, or null when it is not one.</summary>
    public static byte[]? Decode(string? text)
    {
        if (text is null || text.Length != KeyChars || text[^1] != '=')
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[KeyBytes + 1];
        try
        {
            return Convert.TryFromBase64String(text, buffer, out var written) && written == KeyBytes ? buffer[..KeyBytes].ToArray() : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }

    private static string PublicKeyOf(byte[] secret)
    {
        var parameters = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None };
        using var key = Key.Import(KeyAgreementAlgorithm.X25519, secret, KeyBlobFormat.RawPrivateKey, in parameters);
        return Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>RFC 7748 clamping (what <c>wg genkey</c> applies): clear the low 3 bits, clear bit 255, set bit 254.</summary>
    private static void Clamp(byte[] secret)
    {
        secret[0] &= 248;
        secret[31] &= 127;
        secret[31] |= 64;
    }
}
