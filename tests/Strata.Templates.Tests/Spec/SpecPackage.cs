using System.IO.Compression;
using System.Text.Json;
using Strata.Templates.Spec;
using Strata.Templates.Spec.Generation;
using Strata.Templates.Tests.Support;

namespace Strata.Templates.Tests.Spec;

/// <summary>
/// The npm package the spec is generated from, as installed by <c>npm ci --prefix tools/spec</c>.
/// Tests that compare against it use <see cref="SpecPackageFactAttribute"/> and are skipped when it is absent.
/// </summary>
internal static class SpecPackage
{
    private static readonly Lazy<IReadOnlyList<ResourceTypeSpec>> TypesFromDb = new(() => Open().ReadResourceTypes());
    private static readonly Lazy<JsonDocument> RawDb = new(() =>
    {
        using var file = File.OpenRead(Open().DatabasePath);
        using var json = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
    });

    public static string Directory => Path.Combine(RepositoryPaths.RepositoryRoot, ServiceSpecPackage.InstallPath);

    public static bool IsInstalled => File.Exists(Path.Combine(Directory, "db.json.gz"));

    /// <summary>The version tools/spec/package.json pins (what the committed file must be generated from).</summary>
    public static string PinnedVersion
    {
        get
        {
            var manifest = Path.Combine(RepositoryPaths.RepositoryRoot, "tools", "spec", "package.json");
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            return document.RootElement.GetProperty("dependencies").GetProperty(ServiceSpecPackage.PackageName).GetString()!;
        }
    }

    public static ServiceSpecPackage Open() => ServiceSpecPackage.Open(Directory);

    /// <summary>Every resource type as the generator's reader sees it (read once per test run; ~2 s).</summary>
    public static IReadOnlyList<ResourceTypeSpec> ReadTypes() => TypesFromDb.Value;

    /// <summary>The db as plain JSON, for checks that must not go through the reader under test.</summary>
    public static JsonElement RawSchema => RawDb.Value.RootElement.GetProperty("schema");
}

/// <summary>A fact that needs the installed npm package; skipped, with the command to install it, otherwise.</summary>
public sealed class SpecPackageFactAttribute : FactAttribute
{
    public SpecPackageFactAttribute()
    {
        if (!SpecPackage.IsInstalled)
        {
            Skip = $"needs {ServiceSpecPackage.PackageName} in tools/spec/node_modules: run `npm ci --prefix tools/spec`";
        }
    }
}
