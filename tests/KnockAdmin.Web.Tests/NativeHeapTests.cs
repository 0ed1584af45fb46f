using System.Runtime.InteropServices;
using KnockAdmin.Web.Panel;

namespace KnockAdmin.Web.Tests;

public sealed class NativeHeapTests
{
    private const int Blocks = 200_000;
    private const int BlockBytes = 100;

    /// <summary>Private anonymous memory of this process, from the kernel.</summary>
    private static long AnonymousKiB() =>
        long.Parse(File.ReadLines("/proc/self/smaps_rollup")
            .Single(line => line.StartsWith("Anonymous:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);

    [Fact]
    public void Free_pages_kept_by_the_c_allocator_go_back_to_the_system()
    {
        // 20 MB of small blocks, one in a thousand kept: the freed runs between survivors stay resident in the arena
        // (a plain free never returns the middle of a heap), which is what a burst of closed pages leaves behind.
        var blocks = new nint[Blocks];
        for (var index = 0; index < Blocks; index++)
        {
            blocks[index] = Marshal.AllocHGlobal(BlockBytes);
            Marshal.WriteByte(blocks[index], 1);
        }

        for (var index = 0; index < Blocks; index++)
        {
            if (index % 1000 != 0)
            {
                Marshal.FreeHGlobal(blocks[index]);
            }
        }

        try
        {
            var before = AnonymousKiB();
            Assert.True(NativeHeap.Trim());
            var after = AnonymousKiB();

            Assert.True(before - after > 10 * 1024, $"the trim returned {before - after} KiB of about 20 MB freed");
        }
        finally
        {
            for (var index = 0; index < Blocks; index += 1000)
            {
                Marshal.FreeHGlobal(blocks[index]);
            }
        }
    }
}
