using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Engine.Signals;

/// <summary>
/// Presigned wait-condition URLs: <c>{base}signal/{handle}?Expires=…&amp;Signature=…</c>, where the
/// signature is an HMAC-SHA256 over handle and expiry with a key kept in the data directory, so only
/// URLs Strata issued are accepted and they stop working when they expire (CloudFormation's are presigned
/// S3 URLs valid for 24 hours; these too).
/// </summary>
public sealed class SignalUrls
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(24);

    /// <summary>The signing key's file in a data directory: every process on that directory signs and checks with it.</summary>
    public const string KeyFileName = "signal.key";

    private readonly byte[] _key;

    public SignalUrls(byte[] key)
    {
        _key = key;
        // Not secret: an HMAC of a fixed label cannot give the key back, but tells two processes whether they share it.
        KeyId = Convert.ToHexStringLower(HMACSHA256.HashData(key, "strata signal key id"u8))[..16];
    }

    /// <summary>
    /// Names the signing key without revealing it: <c>strata up</c> compares it with a server's to make sure the server
    /// accepts the URLs it mints (same data directory, same key).
    /// </summary>
    public string KeyId { get; }

    /// <summary>The signing key of a data directory (created the first time).</summary>
    public static SignalUrls ForDataDirectory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return FromKeyFile(Path.Combine(dataDirectory, KeyFileName));
    }

    /// <summary>Loads the signing key from <paramref name="path"/>, creating a random one the first time.</summary>
    public static SignalUrls FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temporary, fresh);
            if (!OperatingSystem.IsWindows())
            {
                // Whoever reads the key can forge signals: owner only.
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                // Two processes may race to create it: the first rename wins, the other reads the winner's key.
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException)
            {
                File.Delete(temporary);
            }
        }
        return new SignalUrls(File.ReadAllBytes(path));
    }

    /// <summary>The key signals for a stack's resource are stored under.</summary>
    public static string HandleKey(string stackId, string logicalId) => stackId + "|" + logicalId;

    /// <summary>The stack id and logical id a handle key was made of.</summary>
    public static bool TrySplitHandleKey(string handleKey, out string stackId, out string logicalId)
    {
        // Stack ids are ARNs and logical ids alphanumeric: neither holds '|'.
        var bar = handleKey.LastIndexOf('|');
        stackId = bar > 0 ? handleKey[..bar] : "";
        logicalId = bar > 0 ? handleKey[(bar + 1)..] : "";
        return stackId.Length > 0 && logicalId.Length > 0;
    }

    public string Create(Uri baseUrl, string handleKey, DateTimeOffset now)
    {
        var handle = Base64Url(Encoding.UTF8.GetBytes(handleKey));
        var expires = (now + Validity).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var root = baseUrl.ToString().TrimEnd('/');
        return $"{root}/signal/{handle}?Expires={expires}&Signature={Sign(handle, expires)}";
    }

    /// <summary>The handle key of a URL this class issued (signature not checked: for reading templates' own handles).</summary>
    public static bool TryReadHandleKey(string url, out string handleKey)
    {
        handleKey = "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2 || segments[^2] != "signal")
        {
            return false;
        }
        try
        {
            handleKey = Encoding.UTF8.GetString(FromBase64Url(segments[^1]));
            return handleKey.Contains('|', StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Checks a request's path and query: returns the handle key, or an error message.</summary>
    public bool TryVerify(string pathAndQuery, DateTimeOffset now, out string handleKey, out string error)
    {
        handleKey = "";
        var uri = new Uri(new Uri("http://localhost/"), pathAndQuery);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = ParseQuery(uri.Query);
        if (segments.Length < 2 || segments[^2] != "signal")
        {
            error = "not a signal URL";
            return false;
        }
        var handle = segments[^1];
        if (!query.TryGetValue("Expires", out var expires) || !query.TryGetValue("Signature", out var signature) ||
            !long.TryParse(expires, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expiresAt))
        {
            error = "the URL has no Expires and Signature";
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(handle, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            error = "the signature does not match";
            return false;
        }
        if (now.ToUnixTimeSeconds() > expiresAt)
        {
            error = "the URL has expired";
            return false;
        }
        try
        {
            handleKey = Encoding.UTF8.GetString(FromBase64Url(handle));
        }
        catch (FormatException)
        {
            error = "the handle is malformed";
            return false;
        }
        error = "";
        return true;
    }

    private string Sign(string handle, string expires)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(handle + "\n" + expires));
        return Base64Url(mac);
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0)
            {
                result[Uri.UnescapeDataString(pair[..eq])] = Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        }
        return result;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }
}
