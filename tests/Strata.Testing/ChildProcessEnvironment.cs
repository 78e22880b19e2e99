using System.Diagnostics;

namespace Strata.Testing;

/// <summary>A child process's environment: this process's, changed by the given variables.</summary>
public static class ChildProcessEnvironment
{
    /// <summary>Sets each variable on <paramref name="start"/>; a null value removes the variable from the child.</summary>
    public static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
    }
}
