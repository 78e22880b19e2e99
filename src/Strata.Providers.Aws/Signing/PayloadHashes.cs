using System.Security.Cryptography;

namespace Strata.Providers.Aws.Signing;

public static class PayloadHashes
{
    /// <summary>SHA-256 of zero bytes.</summary>
    public const string Empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The marker S3 accepts instead of a body hash.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public static string Sha256Hex(ReadOnlySpan<byte> data) =>
        data.IsEmpty ? Empty : Convert.ToHexStringLower(SHA256.HashData(data));
}
