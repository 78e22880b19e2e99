using Microsoft.Data.Sqlite;

namespace Strata.Providers.Sandbox.Storage;

/// <summary>
/// IP addresses in use, by pool (a subnet, or a region's public pool), so that two instances never get
/// the same address. Rows belong to a resource and go when it is deleted.
/// </summary>
internal static class AddressTable
{
    /// <summary>Claims an address; false when it is taken.</summary>
    public static bool TryClaim(SqliteConnection c, SqliteTransaction t, string pool, string address, string ownerType, string ownerId) =>
        c.Execute(t, "INSERT OR IGNORE INTO addresses (pool, address, owner_type, owner_id) VALUES ($pool, $address, $type, $id)",
            ("$pool", pool), ("$address", address), ("$type", ownerType), ("$id", ownerId)) == 1;

    public static bool IsTaken(SqliteConnection c, SqliteTransaction? t, string pool, string address) =>
        c.ScalarLong(t, "SELECT COUNT(*) FROM addresses WHERE pool = $pool AND address = $address", ("$pool", pool), ("$address", address)) > 0;

    public static long CountInPool(SqliteConnection c, SqliteTransaction? t, string pool) =>
        c.ScalarLong(t, "SELECT COUNT(*) FROM addresses WHERE pool = $pool", ("$pool", pool));

    public static void Release(SqliteConnection c, SqliteTransaction t, string ownerType, string ownerId) =>
        c.Execute(t, "DELETE FROM addresses WHERE owner_type = $type AND owner_id = $id", ("$type", ownerType), ("$id", ownerId));

    /// <summary>Hands an owner's addresses to another id (an Elastic IP is known by its address only once it has one).</summary>
    public static void Reown(SqliteConnection c, SqliteTransaction t, string ownerType, string oldOwnerId, string newOwnerId) =>
        c.Execute(t, "UPDATE addresses SET owner_id = $new WHERE owner_type = $type AND owner_id = $old",
            ("$new", newOwnerId), ("$type", ownerType), ("$old", oldOwnerId));

    /// <summary>Releases one owner's addresses in one pool (a public IP given up on stop).</summary>
    public static void ReleaseInPool(SqliteConnection c, SqliteTransaction t, string pool, string ownerType, string ownerId) =>
        c.Execute(t, "DELETE FROM addresses WHERE pool = $pool AND owner_type = $type AND owner_id = $id",
            ("$pool", pool), ("$type", ownerType), ("$id", ownerId));
}
