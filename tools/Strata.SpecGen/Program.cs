using System.Diagnostics;
using Strata.Templates.Spec;
using Strata.Templates.Spec.Compact;
using Strata.Templates.Spec.Generation;

// Usage: Strata.SpecGen [--package DIR] [--out FILE]
// Defaults (relative to the repository root, found by walking up to Strata.sln):
//   --package tools/spec/node_modules/@aws-cdk/aws-service-spec
//   --out     src/Strata.Templates/Spec/Data/resource-spec.bin
// Exit codes: 0 written, 1 the package could not be read or the output failed its self-check, 2 bad usage.

const string Usage = "usage: Strata.SpecGen [--package DIR] [--out FILE]";
string? packageDirectory = null;
string? outputPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--package" when i + 1 < args.Length:
            packageDirectory = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            outputPath = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'\n{Usage}");
            return 2;
    }
}

if (packageDirectory is null || outputPath is null)
{
    var root = FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? FindRepositoryRoot(AppContext.BaseDirectory);
    if (root is null)
    {
        Console.Error.WriteLine($"cannot find the repository root (Strata.sln) above {Directory.GetCurrentDirectory()}; pass --package and --out\n{Usage}");
        return 2;
    }
    packageDirectory ??= Path.Combine(root, ServiceSpecPackage.InstallPath);
    outputPath ??= Path.Combine(root, "src", "Strata.Templates", "Spec", "Data", "resource-spec.bin");
}

try
{
    var clock = Stopwatch.StartNew();
    var package = ServiceSpecPackage.Open(packageDirectory);
    var types = package.ReadResourceTypes();
    var compact = CompactSpecWriter.Write(types, package.Source);

    // Prove the file decodes to exactly what was read before replacing the committed one.
    var reloaded = ResourceSpecification.Load(new MemoryStream(compact));
    if (reloaded.TypeCount != types.Count)
    {
        throw new InvalidDataException($"self-check: wrote {types.Count} types but the file lists {reloaded.TypeCount}");
    }
    foreach (var type in types)
    {
        if (!reloaded.TryGetType(type.Name, out var decoded))
        {
            throw new InvalidDataException($"self-check: {type.Name} is missing from the written file");
        }
        var difference = SpecDifference.Find(type, decoded);
        if (difference is not null)
        {
            throw new InvalidDataException($"self-check: {difference}");
        }
    }

    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
    File.WriteAllBytes(outputPath, compact);
    Console.WriteLine(
        $"{outputPath}: {types.Count} resource types from {package.Source.Package} {package.Source.Version}, " +
        $"{compact.Length / 1024.0:F0} KiB, {clock.Elapsed.TotalSeconds:F1} s");
    return 0;
}
catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"Strata.SpecGen: {error.Message}");
    return 1;
}

static string? FindRepositoryRoot(string start)
{
    for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Strata.sln")))
        {
            return directory.FullName;
        }
    }
    return null;
}
