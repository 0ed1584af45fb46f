using KnockAdmin.Core.Rules;

namespace KnockAdmin.Infrastructure.Rotating;

/// <summary>What the rules of rotating profiles are generated from: the clock and the stored secrets.</summary>
public sealed class RotationContexts(ProfileSecrets secrets, TimeProvider time)
{
    public Task<RotationContext> NowAsync(CancellationToken cancellationToken = default) => AtAsync(time.GetUtcNow(), cancellationToken);

    public async Task<RotationContext> AtAsync(DateTimeOffset moment, CancellationToken cancellationToken = default) =>
        new(moment.ToUnixTimeSeconds(), await secrets.ByProfileNameAsync(cancellationToken));
}
