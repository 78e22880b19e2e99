namespace Strata.Engine.Model;

/// <summary>A resolved template output; <see cref="ExportName"/> is set when it is exported.</summary>
public sealed record StackOutput(string Key, string Value, string? Description = null, string? ExportName = null);
