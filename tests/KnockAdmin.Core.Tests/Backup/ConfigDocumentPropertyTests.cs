using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KnockAdmin.Core.Backup;
using KnockAdmin.Tests.Shared;

namespace KnockAdmin.Core.Tests.Backup;

/// <summary>The backup document over random, partly hostile configurations.</summary>
public class ConfigDocumentPropertyTests
{
    private static Arbitrary<Model.FirewallConfig> Configs => ConfigGenerators.Config.ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_configuration_reads_back_exactly_as_it_was_written_hostile_text_included() =>
        Prop.ForAll(Configs, config =>
        {
            var written = ConfigDocumentWriter.Write(config, "v", DateTimeOffset.UnixEpoch);
            var read = ConfigDocumentReader.Read(written);
            return read.Succeeded && ConfigDocumentWriter.Write(read.Config!, "v", DateTimeOffset.UnixEpoch) == written;
        });
}
