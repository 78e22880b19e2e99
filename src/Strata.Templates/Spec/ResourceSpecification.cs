using System.Diagnostics.CodeAnalysis;
using Strata.Templates.Spec.Compact;

namespace Strata.Templates.Spec;

/// <summary>
/// The CloudFormation resource specification: every resource type with its properties, attributes,
/// identifiers and replacement behaviour. Built from <c>@aws-cdk/aws-service-spec</c> by
/// <c>tools/regen-spec.sh</c> and embedded in this assembly; nothing is downloaded at run time.
/// Loading reads only a small index; each type is decoded on first use and cached. Thread-safe.
/// </summary>
public sealed class ResourceSpecification
{
    internal const string EmbeddedResourceName = "Strata.Templates.Spec.resource-spec.bin";

    private static readonly Lazy<ResourceSpecification> EmbeddedInstance = new(LoadEmbedded);

    private readonly CompactSpecFile _file;
    private readonly Dictionary<string, int> _indexByName;
    private readonly ResourceTypeSpec?[] _types;
    private readonly IReadOnlyList<string> _typeNames;

    private ResourceSpecification(CompactSpecFile file)
    {
        _file = file;
        _types = new ResourceTypeSpec?[file.Types.Length];
        _indexByName = new Dictionary<string, int>(file.Types.Length, StringComparer.Ordinal);
        var names = new string[file.Types.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = file.Types[i].Name;
            if (!_indexByName.TryAdd(names[i], i))
            {
                throw new InvalidDataException($"resource specification lists {names[i]} twice");
            }
        }
        _typeNames = Array.AsReadOnly(names);
    }

    /// <summary>The specification embedded in this assembly, loaded on first access.</summary>
    public static ResourceSpecification Default => EmbeddedInstance.Value;

    /// <summary>Reads a compact specification (as written by <c>tools/Strata.SpecGen</c>) from a stream.</summary>
    /// <exception cref="InvalidDataException">The stream is not a compact specification this build can read.</exception>
    public static ResourceSpecification Load(Stream compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        return new ResourceSpecification(CompactSpecFile.Parse(ReadAll(compact)));
    }

    /// <summary>The npm package the specification was generated from, e.g. <c>@aws-cdk/aws-service-spec</c>.</summary>
    public string SourcePackage => _file.Source.Package;

    /// <summary>The version of <see cref="SourcePackage"/>, e.g. <c>0.1.216</c>.</summary>
    public string SourceVersion => _file.Source.Version;

    public int TypeCount => _types.Length;

    /// <summary>All type names in ordinal order.</summary>
    public IEnumerable<string> TypeNames => _typeNames;

    /// <summary>Whether the type exists, without decoding it.</summary>
    public bool ContainsType(string typeName) => _indexByName.ContainsKey(typeName);

    /// <summary>Looks a type up by its exact (case-sensitive) name, decoding it on first use.</summary>
    public bool TryGetType(string typeName, [NotNullWhen(true)] out ResourceTypeSpec? type)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (!_indexByName.TryGetValue(typeName, out var index))
        {
            type = null;
            return false;
        }
        type = Volatile.Read(ref _types[index]);
        if (type is null)
        {
            var decoded = _file.DecodeType(_file.Types[index]);
            type = Interlocked.CompareExchange(ref _types[index], decoded, null) ?? decoded;
        }
        return true;
    }

    private static ResourceSpecification LoadEmbedded()
    {
        using var stream = typeof(ResourceSpecification).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException(
                $"the resource specification ({EmbeddedResourceName}) is missing from {typeof(ResourceSpecification).Assembly.GetName().Name}; the build is broken");
        return Load(stream);
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > int.MaxValue)
            {
                throw new InvalidDataException("resource specification is too large");
            }
            var data = new byte[remaining];
            stream.ReadExactly(data);
            return data;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
