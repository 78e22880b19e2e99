using System.Collections.Frozen;

namespace Strata.Providers.Sandbox.Types;

/// <summary>
/// Gives a new resource of one type its identity: chooses the physical id (what <c>Ref</c> returns) and
/// writes the read-only attributes into <see cref="CreationContext.Model"/>. Attributes a profile leaves
/// out are filled generically from the spec afterwards (<see cref="GenericAttributes"/>).
/// </summary>
internal delegate string TypeProfile(CreationContext context);

/// <summary>The hand-written profiles of common types; every other type is handled generically.</summary>
internal static class TypeProfiles
{
    private static readonly FrozenDictionary<string, TypeProfile> Profiles = Build();

    public static bool TryGet(string typeName, out TypeProfile profile) =>
        Profiles.TryGetValue(typeName, out profile!);

    public static IEnumerable<string> TypeNames => Profiles.Keys;

    private static FrozenDictionary<string, TypeProfile> Build()
    {
        var profiles = new Dictionary<string, TypeProfile>(StringComparer.Ordinal);
        Ec2NetworkProfiles.Register(profiles);
        Ec2InstanceProfile.Register(profiles);
        StorageProfiles.Register(profiles);
        IamProfiles.Register(profiles);
        ComputeProfiles.Register(profiles);
        DatabaseProfiles.Register(profiles);
        EdgeProfiles.Register(profiles);
        return profiles.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
