using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>The one JSON format used for everything stored as JSON: camelCase, enums by name.</summary>
public static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON is null: {json}");
}
