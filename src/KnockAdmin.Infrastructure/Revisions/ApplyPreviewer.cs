using KnockAdmin.Infrastructure.Configuration;

namespace KnockAdmin.Infrastructure.Revisions;

/// <summary>Previews the stored configuration against the revision in force.</summary>
public sealed class ApplyPreviewer(ConfigurationStore store, RevisionService revisions)
{
    public async Task<ApplyPreview> PreviewAsync(CancellationToken cancellationToken = default)
    {
        var config = await store.LoadAsync(cancellationToken);
        return ApplyPreview.Of(config, await revisions.InForceConfigAsync(cancellationToken));
    }
}
