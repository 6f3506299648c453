using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabManager.Jobs.Api;

/// <summary>Reads and writes <see cref="NomadDuration"/> as a JSON integer of nanoseconds.</summary>
internal sealed class NomadDurationJsonConverter : JsonConverter<NomadDuration>
{
    public override NomadDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"a Nomad duration is an integer of nanoseconds, found {reader.TokenType}");
        }

        return new NomadDuration(reader.GetInt64());
    }

    public override void Write(Utf8JsonWriter writer, NomadDuration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Nanoseconds);
    }
}
