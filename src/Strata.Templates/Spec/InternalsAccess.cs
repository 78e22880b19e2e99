using System.Runtime.CompilerServices;

// The generator (tools/Strata.SpecGen) reuses the db reader and the compact writer, which are internal so
// that they stay out of the public API; the tests reach them through the csproj's InternalsVisibleTo.
[assembly: InternalsVisibleTo("Strata.SpecGen")]
