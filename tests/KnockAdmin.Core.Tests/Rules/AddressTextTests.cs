using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KnockAdmin.Core.Rules;

namespace KnockAdmin.Core.Tests.Rules;

/// <summary>Addresses are written as iptables-save writes them: glibc's inet_ntop is the reference.</summary>
public class AddressTextTests
{
    private const int AfInet6 = 10;

    // Mostly zero and ffff words: that is where the compressed and embedded-IPv4 forms differ.
    private static Arbitrary<byte[]> Addresses =>
        Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(0xFFFF)), (1, Gen.Choose(1, 0xFFFE))), 8)
            .Select(words => words.SelectMany(word => new[] { (byte)(word >> 8), (byte)word }).ToArray())
            .ToArbitrary();

    [Theory]
    [InlineData("::ffff:0.0.0.0", "::ffff:0.0.0.0")]
    [InlineData("::ffff:0.0.0.1", "::ffff:0.0.0.1")]
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")]
    [InlineData("::1.2.3.4", "::1.2.3.4")]
    [InlineData("::", "::")]
    [InlineData("::1", "::1")]
    [InlineData("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1")]
    [InlineData("192.0.2.7", "192.0.2.7")]
    public void Addresses_are_written_as_iptables_save_writes_them(string address, string expected) =>
        Assert.Equal(expected, AddressText.Format(IPAddress.Parse(address)));

    [Property(MaxTest = 3000)]
    public Property Every_ipv6_address_is_written_as_glibc_writes_it() =>
        Prop.ForAll(Addresses, bytes => AddressText.Format(new IPAddress(bytes)) == Glibc(bytes));

    private static string Glibc(byte[] address)
    {
        var text = new byte[64];
        Assert.NotEqual(IntPtr.Zero, InetNtop(AfInet6, address, text, text.Length));
        return Encoding.ASCII.GetString(text, 0, Array.IndexOf(text, (byte)0));
    }

    [DllImport("libc", EntryPoint = "inet_ntop")]
    private static extern IntPtr InetNtop(int family, byte[] source, byte[] destination, int size);
}
