using System.Net;

namespace KnockAdmin.Core.Recent;

/// <summary>One command for a list file: <c>+ADDR</c> puts the address in (as if it had just knocked), <c>-ADDR</c> takes it out.</summary>
public sealed record RecentListWrite(string List, IPAddress Address, bool Add)
{
    public string Command => (Add ? "+" : "-") + Address;
}
