namespace Strata.Templates.Spec;

/// <summary>How a taggable resource carries its tags.</summary>
public enum TagVariant : byte
{
    /// <summary>A list of <c>{Key, Value}</c> objects.</summary>
    Standard = 0,
    /// <summary>Auto Scaling groups: a list of <c>{Key, Value, PropagateAtLaunch}</c> objects.</summary>
    Asg = 1,
    /// <summary>A string-to-string map.</summary>
    Map = 2,
}

/// <summary>The property that holds a resource's tags and its shape.</summary>
public sealed record TagInformation(string TagPropertyName, TagVariant Variant);
