using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HomelabManager.Clients.Nomad;

/// <summary>
/// Reads the log stream's JSON objects, which Nomad writes back to back without separators
/// (<c>{…}{}{…}</c>), as they arrive. Skips heartbeats.
/// </summary>
internal static class NomadFrameReader
{
    /// <summary>The frames of <paramref name="stream"/> until it ends or <paramref name="cancellationToken"/> fires.</summary>
    public static async IAsyncEnumerable<NomadLogFrame> ReadAsync(
        Stream stream,
        JsonTypeInfo<NomadLogFrame> type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (true)
        {
            while (TryTakeFrame(buffer, ref length, type, out var frame))
            {
                if (frame is { IsHeartbeat: false })
                {
                    yield return frame;
                }
            }

            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                if (buffer.AsSpan(0, length).Trim(" \t\r\n"u8).Length != 0)
                {
                    throw new JsonException("The log stream ended inside a frame.");
                }

                yield break;
            }

            length += read;
        }
    }

    private static bool TryTakeFrame(byte[] buffer, ref int length, JsonTypeInfo<NomadLogFrame> type, out NomadLogFrame? frame)
    {
        frame = null;
        var reader = new Utf8JsonReader(buffer.AsSpan(0, length), isFinalBlock: false, default);
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a frame object, found {reader.TokenType}.");
        }

        if (!reader.TrySkip())
        {
            return false;
        }

        var consumed = (int)reader.BytesConsumed;
        frame = JsonSerializer.Deserialize(buffer.AsSpan(0, consumed), type);
        Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
        length -= consumed;
        return true;
    }
}
