using KnockAdmin.Core.Model;

namespace KnockAdmin.Web.Panel;

/// <summary>An editable port with its protocol; becomes a <see cref="PortSpec"/> when saved.</summary>
public sealed class PortRow
{
    public int Port { get; set; }

    public string Protocol { get; set; } = Protocols.Tcp;

    public static PortRow From(PortSpec spec) => new() { Port = spec.Port, Protocol = spec.Protocol };

    public static List<PortRow> From(IEnumerable<PortSpec> specs) => specs.Select(From).ToList();

    public PortSpec ToSpec() => new(Port, Protocol);

    public static IReadOnlyList<PortSpec> ToSpecs(IEnumerable<PortRow> rows) => rows.Select(row => row.ToSpec()).ToList();
}
