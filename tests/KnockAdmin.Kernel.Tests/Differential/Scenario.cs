using KnockAdmin.Kernel.Tests.Support;

namespace KnockAdmin.Kernel.Tests.Differential;

/// <summary>A client's story: knocks and connection attempts in order, and what each attempt is expected to give.</summary>
public sealed record Scenario(string Name, IReadOnlyList<Scenario.Step> Steps)
{
    public abstract record Step;

    public sealed record Knock(params string[] Ports) : Step;

    public sealed record Connect(int Port, bool Expected) : Step;

    public IEnumerable<bool> Expected => Steps.OfType<Connect>().Select(step => step.Expected);

    /// <summary>Plays the story from the client namespace and returns the outcome of every connection attempt.</summary>
    public async Task<List<bool>> PlayAsync(NamespacePair pair)
    {
        var outcomes = new List<bool>();
        foreach (var step in Steps)
        {
            switch (step)
            {
                case Knock knock:
                    (await pair.InClientAsync(["knock", "-d", "0", NamespacePair.ServerV4, .. knock.Ports])).EnsureSuccess("knock");
                    break;
                case Connect connect:
                    outcomes.Add(await pair.ClientConnectsAsync(connect.Port));
                    break;
            }
        }

        return outcomes;
    }

    public override string ToString() => Name;
}
