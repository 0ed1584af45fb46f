namespace KnockAdmin.Core.Rules;

/// <summary>One chain KnockAdmin owns, with its rules as iptables-save prints them (<c>-A CHAIN ...</c>).</summary>
public sealed record OwnedChain(string Name, IReadOnlyList<string> Rules)
{
    public bool Equals(OwnedChain? other) =>
        other is not null && Name == other.Name && Rules.SequenceEqual(other.Rules);

    public override int GetHashCode() => HashCode.Combine(Name, Rules.Count);
}
