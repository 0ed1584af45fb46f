using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnockAdmin.Web.Api;

/// <summary>The JSON the HTTP API writes (camelCase, enums as camelCase words), also for verbs that print its documents.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
