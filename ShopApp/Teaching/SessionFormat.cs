using System.Buffers.Binary;
using System.Text;

namespace ShopApp.Teaching;

/// <summary>
/// The bytes ASP.NET Core's distributed session stores for one session (format revision 2): a revision byte, the
/// entry count in 3 bytes, a 16-byte session id, then per entry the key's length in 2 bytes, the key in UTF-8, the
/// value's length in 4 bytes and the value, every number big-endian. Teaching mode reads it to list the sessions
/// in the store and to show how big a session is as stored.
/// </summary>
public static class SessionFormat
{
    private const byte Revision = 2;
    private const int HeaderLength = 1 + 3 + 16;

    /// <summary>The entries of a stored session; null when the bytes are not a session in this format.</summary>
    public static IReadOnlyDictionary<string, byte[]>? Read(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < HeaderLength || stored[0] != Revision)
        {
            return null;
        }
        var count = stored[1] << 16 | stored[2] << 8 | stored[3];
        var entries = new Dictionary<string, byte[]>(count, StringComparer.Ordinal);
        var at = HeaderLength;
        for (var i = 0; i < count; i++)
        {
            if (stored.Length - at < 2)
            {
                return null;
            }
            int keyLength = BinaryPrimitives.ReadUInt16BigEndian(stored[at..]);
            at += 2;
            if (stored.Length - at < keyLength + 4)
            {
                return null;
            }
            var key = Encoding.UTF8.GetString(stored.Slice(at, keyLength));
            at += keyLength;
            var valueLength = BinaryPrimitives.ReadInt32BigEndian(stored[at..]);
            at += 4;
            if (valueLength < 0 || stored.Length - at < valueLength)
            {
                return null;
            }
            entries[key] = stored.Slice(at, valueLength).ToArray();
            at += valueLength;
        }
        return at == stored.Length ? entries : null;
    }

    /// <summary>How many bytes the store holds for a session with these entries.</summary>
    public static int SizeOf(IEnumerable<KeyValuePair<string, byte[]>> entries) =>
        HeaderLength + entries.Sum(entry => 2 + Encoding.UTF8.GetByteCount(entry.Key) + 4 + entry.Value.Length);
}
