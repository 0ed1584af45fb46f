using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnockAdmin.Core.Model;
using KnockAdmin.Core.Validation;

namespace KnockAdmin.Core.Backup;

/// <summary>
/// Reads a backup document of any known schema version into a configuration. Strict: every missing, unknown,
/// duplicated or mistyped member is reported with its path, all at once; nothing is guessed. Whether the
/// configuration itself is valid is the validator's question, asked afterwards.
/// </summary>
public static class ConfigDocumentReader
{
    /// <summary>A configuration of 200 profiles is well under 200 KB; anything larger is not a backup of one.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The most problems listed for one document.</summary>
    public const int MaxIssues = 100;

    private const int MaxDepth = 16;

    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private static readonly string[] RootMembers = ["schemaVersion", "product", "exportedAt", "configVersion", "settings", "profiles", "secrets"];
    private static readonly string[] SettingsMembers = ["publicPorts", "trustedInterfaces", "trustedSources", "acceptEstablished", "ipv6", "options"];
    private static readonly string[] OptionsMembers = [.. GeneratorOptionFields.Names];
    private static readonly string[] ProfileMembers = ["name", "steps", "protectedPorts", "stepTimeoutSeconds", "openWindowSeconds", "enabled", "mode", "rotation"];
    private static readonly string[] RotationMembers = ["periodSeconds", "length", "portRangeStart", "portRangeEnd"];
    private static readonly string[] PortMembers = ["port", "protocol"];

    public static ConfigDocumentRead Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxBytes)
        {
            return Failed(null, "document", $"The document is larger than {MaxBytes / 1024} KB; a KnockAdmin configuration is far smaller.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: ParseOptions);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "";
            return Failed(null, "document", $"Not valid JSON{where}: {FirstSentence(exception.Message)}");
        }

        if (root is not JsonObject document)
        {
            return Failed(null, "document", "The document must be a JSON object with schemaVersion, product, settings and profiles.");
        }

        var issues = new List<ValidationIssue>();
        var reader = new Members(issues);
        if (!document.TryGetPropertyValue("product", out var product) || product?.GetValueKind() != JsonValueKind.String
            || product.GetValue<string>() != ConfigDocumentSchema.Product)
        {
            return Failed(null, "product", $"This is not a KnockAdmin configuration backup (\"product\": \"{ConfigDocumentSchema.Product}\" is missing).");
        }

        var version = reader.Int(document, "schemaVersion", "schemaVersion");
        if (version is null)
        {
            return new ConfigDocumentRead(null, null, issues);
        }

        if (version < 1 || version > ConfigDocumentSchema.Current)
        {
            return Failed(version, "schemaVersion", version > ConfigDocumentSchema.Current
                ? $"Schema version {version} was written by a newer KnockAdmin; this one reads versions 1 to {ConfigDocumentSchema.Current}. Upgrade KnockAdmin first."
                : $"Schema version {version} does not exist; versions start at 1.");
        }

        for (var step = version.Value; step < ConfigDocumentSchema.Current; step++)
        {
            ConfigDocumentSchema.Upgrades[step](document);
        }

        var config = reader.Config(document);
        return new ConfigDocumentRead(issues.Count == 0 ? config : null, version, issues);
    }

    private static ConfigDocumentRead Failed(int? version, string field, string message) =>
        new(null, version, [new ValidationIssue(field, message, IssueSeverity.Error)]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Reads members by path, collecting an issue for each one that is missing, unknown or of the wrong type.</summary>
    private sealed class Members(List<ValidationIssue> issues)
    {
        public FirewallConfig Config(JsonObject document)
        {
            Known(document, "", RootMembers);
            if (Child(document, "secrets", "secrets", required: false) is { } secrets)
            {
                Known(secrets, "secrets", []);
            }

            Text(document, "configVersion", "configVersion", required: false);
            Text(document, "exportedAt", "exportedAt", required: false);
            var settings = Settings(Child(document, "settings", "settings"));
            var profiles = List(document, "profiles", "profiles", (node, path) => Profile(Object(node, path), path));
            return new FirewallConfig(settings, [.. profiles.OfType<KnockProfile>()]);
        }

        private HostSettings Settings(JsonObject? settings)
        {
            if (settings is null)
            {
                return new HostSettings();
            }

            Known(settings, "settings", SettingsMembers);
            var options = Child(settings, "options", "settings.options");
            if (options is not null)
            {
                Known(options, "settings.options", OptionsMembers);
            }

            return new HostSettings
            {
                PublicPorts = [.. List(settings, "publicPorts", "settings.publicPorts", Port).OfType<PortSpec>()],
                TrustedInterfaces = [.. List(settings, "trustedInterfaces", "settings.trustedInterfaces", (node, path) => StringItem(node, path)).OfType<string>()],
                TrustedSources = [.. List(settings, "trustedSources", "settings.trustedSources", (node, path) => StringItem(node, path)).OfType<string>()],
                AcceptEstablished = Bool(settings, "acceptEstablished", "settings.acceptEstablished") ?? true,
                Ipv6 = Bool(settings, "ipv6", "settings.ipv6") ?? true,
                Options = options is null ? new GeneratorOptions() : GeneratorOptionsFrom(options),
            };
        }

        /// <summary>
        /// Each option the document gives, over the generator's defaults for those it leaves out: a backup written before
        /// an option existed reads as a stored configuration of that time upgrades, with the option's default.
        /// </summary>
        private GeneratorOptions GeneratorOptionsFrom(JsonObject options)
        {
            var result = new GeneratorOptions();
            foreach (var option in GeneratorOptionFields.Switches)
            {
                if (Bool(options, option.Name, $"settings.options.{option.Name}", required: false) is { } on)
                {
                    result = option.With(result, on);
                }
            }

            foreach (var option in GeneratorOptionFields.Numbers)
            {
                if (Int(options, option.Name, $"settings.options.{option.Name}", required: false) is { } number)
                {
                    result = option.With(result, number);
                }
            }

            return result;
        }

        private KnockProfile? Profile(JsonObject? profile, string path)
        {
            if (profile is null)
            {
                return null;
            }

            Known(profile, path, ProfileMembers);
            return new KnockProfile
            {
                Name = Text(profile, "name", $"{path}.name") ?? "",
                Steps = [.. List(profile, "steps", $"{path}.steps", Port).OfType<PortSpec>()],
                ProtectedPorts = [.. List(profile, "protectedPorts", $"{path}.protectedPorts", Port).OfType<PortSpec>()],
                StepTimeoutSeconds = Int(profile, "stepTimeoutSeconds", $"{path}.stepTimeoutSeconds") ?? 0,
                OpenWindowSeconds = Int(profile, "openWindowSeconds", $"{path}.openWindowSeconds") ?? 0,
                Enabled = Bool(profile, "enabled", $"{path}.enabled") ?? false,
                // Optional, as in the API: a profile written by hand without them is a static one.
                Mode = Mode(profile, $"{path}.mode"),
                Rotation = Rotation(Child(profile, "rotation", $"{path}.rotation", required: false), $"{path}.rotation"),
            };
        }

        private ProfileMode Mode(JsonObject profile, string path)
        {
            switch (Text(profile, "mode", path, required: false))
            {
                case "static":
                case null:
                    return ProfileMode.Static;
                case "rotating":
                    return ProfileMode.Rotating;
                case var other:
                    Add(path, $"must be \"static\" or \"rotating\", not \"{other}\".");
                    return ProfileMode.Static;
            }
        }

        private Rotation Rotation(JsonObject? rotation, string path)
        {
            if (rotation is null)
            {
                return new Rotation();
            }

            Known(rotation, path, RotationMembers);
            return new Rotation
            {
                PeriodSeconds = Int(rotation, "periodSeconds", $"{path}.periodSeconds") ?? 0,
                Length = Int(rotation, "length", $"{path}.length") ?? 0,
                PortRangeStart = Int(rotation, "portRangeStart", $"{path}.portRangeStart") ?? 0,
                PortRangeEnd = Int(rotation, "portRangeEnd", $"{path}.portRangeEnd") ?? 0,
            };
        }

        private PortSpec? Port(JsonNode? node, string path)
        {
            if (Object(node, path) is not { } port)
            {
                return null;
            }

            Known(port, path, PortMembers);
            var number = Int(port, "port", $"{path}.port");
            var protocol = Text(port, "protocol", $"{path}.protocol");
            return number is null || protocol is null ? null : new PortSpec(number.Value, protocol);
        }

        public int? Int(JsonObject parent, string name, string path, bool required = true)
        {
            if (Value(parent, name, path, JsonValueKind.Number, "a whole number", required) is not { } value)
            {
                return null;
            }

            if (value.TryGetValue<int>(out var number))
            {
                return number;
            }

            Add(path, $"must be a whole number, not {value.ToJsonString()}.");
            return null;
        }

        private bool? Bool(JsonObject parent, string name, string path, bool required = true)
        {
            if (!parent.TryGetPropertyValue(name, out var node))
            {
                if (required)
                {
                    Add(path, "is missing.");
                }

                return null;
            }

            if (node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                return node.GetValue<bool>();
            }

            Add(path, $"must be true or false, not {Describe(node)}.");
            return null;
        }

        private string? Text(JsonObject parent, string name, string path, bool required = true) =>
            Value(parent, name, path, JsonValueKind.String, "a string", required)?.GetValue<string>();

        private string? StringItem(JsonNode? node, string path)
        {
            if (node?.GetValueKind() == JsonValueKind.String)
            {
                return node.GetValue<string>();
            }

            Add(path, $"must be a string, not {Describe(node)}.");
            return null;
        }

        private JsonValue? Value(JsonObject parent, string name, string path, JsonValueKind kind, string what, bool required = true)
        {
            if (!parent.TryGetPropertyValue(name, out var node))
            {
                if (required)
                {
                    Add(path, "is missing.");
                }

                return null;
            }

            if (node is JsonValue value && value.GetValueKind() == kind)
            {
                return value;
            }

            Add(path, $"must be {what}, not {Describe(node)}.");
            return null;
        }

        private JsonObject? Child(JsonObject parent, string name, string path, bool required = true)
        {
            if (!parent.TryGetPropertyValue(name, out var node))
            {
                if (required)
                {
                    Add(path, "is missing.");
                }

                return null;
            }

            return Object(node, path);
        }

        private JsonObject? Object(JsonNode? node, string path)
        {
            if (node is JsonObject value)
            {
                return value;
            }

            Add(path, $"must be an object, not {Describe(node)}.");
            return null;
        }

        private List<T?> List<T>(JsonObject parent, string name, string path, Func<JsonNode?, string, T?> item)
        {
            if (!parent.TryGetPropertyValue(name, out var node))
            {
                Add(path, "is missing.");
                return [];
            }

            if (node is not JsonArray array)
            {
                Add(path, $"must be a list, not {Describe(node)}.");
                return [];
            }

            return [.. array.Select((element, index) => item(element, $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]"))];
        }

        private void Known(JsonObject value, string path, string[] members)
        {
            foreach (var (name, _) in value)
            {
                if (!members.Contains(name, StringComparer.Ordinal))
                {
                    Add(path.Length == 0 ? name : $"{path}.{name}", members.Length == 0
                        ? "is not known: this schema has no secrets to restore."
                        : $"is not a known field here (known: {string.Join(", ", members)}).");
                }
            }
        }

        private void Add(string path, string message)
        {
            // A hostile document could name a million unknown fields; the first hundred say enough.
            if (issues.Count < MaxIssues)
            {
                issues.Add(new ValidationIssue(path, message, IssueSeverity.Error));
            }
            else if (issues.Count == MaxIssues)
            {
                issues.Add(new ValidationIssue("document", $"More than {MaxIssues} problems; the rest are not listed.", IssueSeverity.Error));
            }
        }

        private static string Describe(JsonNode? node) => node is null ? "null" : node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
            _ => "null",
        };
    }
}
