using System.Text.Json;
using Strata.Templates.Spec.Compact;

namespace Strata.Templates.Spec.Generation;

/// <summary>An installed copy of the npm package <c>@aws-cdk/aws-service-spec</c> (its <c>package.json</c> and <c>db.json.gz</c>).</summary>
internal sealed record ServiceSpecPackage(string Directory, SpecSource Source)
{
    public const string PackageName = "@aws-cdk/aws-service-spec";

    /// <summary>Where <c>npm ci --prefix tools/spec</c> installs the package, relative to the repository root.</summary>
    public static readonly string InstallPath = Path.Combine("tools", "spec", "node_modules", "@aws-cdk", "aws-service-spec");

    public string DatabasePath => Path.Combine(Directory, "db.json.gz");

    /// <exception cref="FileNotFoundException">The directory does not hold the package.</exception>
    /// <exception cref="InvalidDataException">Its package.json is not the expected package.</exception>
    public static ServiceSpecPackage Open(string directory)
    {
        var manifestPath = Path.Combine(directory, "package.json");
        if (!File.Exists(manifestPath) || !File.Exists(Path.Combine(directory, "db.json.gz")))
        {
            throw new FileNotFoundException(
                $"{directory} does not contain {PackageName} (package.json and db.json.gz); run: npm ci --prefix tools/spec", manifestPath);
        }
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var name = ServiceSpecDbReader.Text(manifest.RootElement, "name", manifestPath);
        if (name != PackageName)
        {
            throw new InvalidDataException($"{manifestPath}: package is {name}, expected {PackageName}");
        }
        return new ServiceSpecPackage(directory, new SpecSource(name, ServiceSpecDbReader.Text(manifest.RootElement, "version", manifestPath)));
    }

    public IReadOnlyList<ResourceTypeSpec> ReadResourceTypes()
    {
        using var db = File.OpenRead(DatabasePath);
        return ServiceSpecDbReader.Read(db, DatabasePath);
    }
}
