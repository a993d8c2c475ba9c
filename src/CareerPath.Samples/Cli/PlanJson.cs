using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareerPath.Samples.Cli;

/// <summary>The plan as JSON: camelCase keys, enums as kebab-case strings (docs/plan-format.md).</summary>
internal static class PlanJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The same JSON on one line: one plan per line of a JSON-lines file.</summary>
    public static readonly JsonSerializerOptions Lines = new(Options) { WriteIndented = false };

    public static void Write(CareerPlan plan, TextWriter output)
    {
        output.WriteLine(JsonSerializer.Serialize(plan, Options));
    }
}
