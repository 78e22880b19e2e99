using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Network;
using Strata.Providers.Sandbox.Storage;
using Strata.Providers.Sandbox.Types;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>
/// Runs a type's profile (or the generic one) to give a new resource its id and attributes. The random
/// stream is seeded by type, stack, logical id and generation (how many times that logical resource has
/// been created), so a replacement gets fresh ids while a re-run on an empty cloud gets the same ones.
/// A generated id that collides is drawn again; a collision that repeats comes from a name the template
/// fixed, which AWS refuses as AlreadyExists.
/// </summary>
internal static class IdentityBuilder
{
    private const int MaxAttempts = 8;

    public static CreationContext Build(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRequest request, ResourceTypeSpec spec, string region)
    {
        var generation = CounterTable.Increment(c, t, $"generation|{request.TypeName}|{request.StackName}|{request.LogicalId}");
        string? previous = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var random = new DeterministicRandom(runtime.Seed, $"{request.TypeName}|{request.StackName}|{request.LogicalId}|{generation}|{attempt}");
            var context = new CreationContext(request, spec, random, region, runtime.Settings.AccountId,
                runtime.Time.GetUtcNow(), new NetworkDirectory(c, t, runtime.Seed, region));
            // A savepoint undoes what a discarded attempt claimed (addresses).
            t.Save("identity");
            var physicalId = TypeProfiles.TryGet(request.TypeName, out var profile)
                ? profile(context)
                : GenericAttributes.ChoosePhysicalId(context);
            context.PhysicalId = physicalId;
            if (!ResourceTable.Exists(c, t, request.TypeName, physicalId))
            {
                GenericAttributes.Fill(context, physicalId);
                t.Release("identity");
                return context;
            }
            t.Rollback("identity");
            t.Release("identity");
            if (physicalId == previous)
            {
                throw new SandboxFault(HandlerErrorCode.AlreadyExists, $"{request.TypeName} '{physicalId}' already exists");
            }
            previous = physicalId;
        }
        throw new SandboxFault(HandlerErrorCode.AlreadyExists, $"{request.TypeName} '{previous}' already exists");
    }
}
