namespace Strata.Providers.Aws.Tests.Signing;

/// <summary>Finds every signing vector in the shared corpus and says which apply to SigV4.</summary>
public static class SigV4Corpus
{
    /// <summary>The aws-c-auth suite's v4a folder: ECDSA P-256 signatures over a region set.</summary>
    public const string SigV4aReason =
        "SigV4a (AWS4-ECDSA-P256-SHA256, multi-region signing with an ECDSA key derived from the secret) is a " +
        "different algorithm from SigV4; Strata's client signs SigV4 only, so these vectors do not apply.";

    /// <summary>Every folder (relative id) that holds a vector in either upstream layout.</summary>
    public static IReadOnlyList<string> AllVectorIds() =>
        Directory.EnumerateDirectories(SigV4Vector.CorpusRoot, "*", SearchOption.AllDirectories)
            .Where(d => File.Exists(Path.Combine(d, "request.txt")) ||
                        File.Exists(Path.Combine(d, Path.GetFileName(d) + ".req")))
            .Select(d => Path.GetRelativePath(SigV4Vector.CorpusRoot, d).Replace('\\', '/'))
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Null when the vector is SigV4 and must pass; otherwise why it does not apply.</summary>
    public static string? NotApplicableReason(string id) =>
        id.Split('/').Contains("v4a") ? SigV4aReason : null;

    public static IEnumerable<string> ApplicableIds() => AllVectorIds().Where(id => NotApplicableReason(id) is null);

    public static TheoryData<string> HeaderFormVectors() => ToTheoryData(ApplicableIds());

    public static TheoryData<string> QueryFormVectors() =>
        ToTheoryData(ApplicableIds().Where(id => SigV4Vector.Load(id).Query is not null));

    public static TheoryData<string> NotApplicableVectors() =>
        ToTheoryData(AllVectorIds().Where(id => NotApplicableReason(id) is not null));

    private static TheoryData<string> ToTheoryData(IEnumerable<string> ids)
    {
        var data = new TheoryData<string>();
        foreach (var id in ids) data.Add(id);
        return data;
    }
}
