using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strata.Bench;

/// <summary>One JSON shape for worker output and the results file: camelCase, indented.</summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
