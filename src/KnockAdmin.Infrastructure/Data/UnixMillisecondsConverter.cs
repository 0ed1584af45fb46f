using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>Stores a point in time as Unix milliseconds (UTC).</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
