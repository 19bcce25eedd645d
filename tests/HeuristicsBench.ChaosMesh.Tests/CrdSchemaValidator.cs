using System.Globalization;
using System.Text.Json.Nodes;

namespace HeuristicsBench.ChaosMesh.Tests;

/// <summary>
/// The subset of Kubernetes structural-schema validation our objects need: type, properties, required, enum, items,
/// minimum/maximum, map additionalProperties. A field a schema does not declare is an error, unless the schema says
/// <c>x-kubernetes-preserve-unknown-fields</c> (the API server would silently prune it, losing what we meant).
/// </summary>
internal static class CrdSchemaValidator
{
    public static IReadOnlyList<string> Validate(JsonNode? value, JsonObject schema, string path = "spec")
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonObject schema, string path, List<string> errors)
    {
        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object" when value is not JsonObject:
            case "array" when value is not JsonArray:
            case "string" when !(value is JsonValue s && s.TryGetValue<string>(out _)):
            case "boolean" when !(value is JsonValue b && b.TryGetValue<bool>(out _)):
                errors.Add($"{path}: expected {type}, got {Show(value)}");
                return;
            case "integer" when !(value is JsonValue i && (i.TryGetValue<long>(out _) || i.TryGetValue<int>(out _))):
                errors.Add($"{path}: expected integer, got {Show(value)}");
                return;
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            errors.Add($"{path}: {Show(value)} is not one of [{string.Join(", ", allowed.Select(Show))}]");
        if (type == "integer")
        {
            var number = AsLong(value!);
            if (schema["minimum"] is JsonValue min && number < AsLong(min))
                errors.Add($"{path}: {number} is below the minimum {min}");
            if (schema["maximum"] is JsonValue max && number > AsLong(max))
                errors.Add($"{path}: {number} is above the maximum {max}");
            if (schema["format"]?.GetValue<string>() == "int32" && number is > int.MaxValue or < int.MinValue)
                errors.Add($"{path}: {number} does not fit int32");
        }
        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var n = 0; n < array.Count; n++)
                Check(array[n], items, string.Create(CultureInfo.InvariantCulture, $"{path}[{n}]"), errors);
        }
        if (value is JsonObject obj)
        {
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (!obj.ContainsKey(required))
                    errors.Add($"{path}: missing required field '{required}'");
            }
            var properties = schema["properties"] as JsonObject;
            var map = schema["additionalProperties"] as JsonObject;
            var preserve = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
            foreach (var (name, child) in obj)
            {
                if (properties?[name] is JsonObject declared)
                    Check(child, declared, path + "." + name, errors);
                else if (map is not null)
                    Check(child, map, path + "." + name, errors);
                else if (!preserve)
                    errors.Add($"{path}: unknown field '{name}' (the API server would prune it)");
            }
        }
    }

    private static long AsLong(JsonNode node) =>
        node is JsonValue v && v.TryGetValue<long>(out var l) ? l : node.GetValue<int>();

    private static string Show(JsonNode? value) => value?.ToJsonString() ?? "null";
}
