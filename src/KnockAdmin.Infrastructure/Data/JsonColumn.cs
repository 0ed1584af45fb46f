using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnockAdmin.Infrastructure.Data;

/// <summary>Maps a list property to a single TEXT column holding camelCase JSON.</summary>
internal static class JsonColumn
{
    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property
            .HasConversion(
                value => StoredJson.Serialize(value),
                json => StoredJson.Deserialize<List<T>>(json),
                // Lists are compared by content so that in-place edits are saved.
                new ValueComparer<List<T>>(
                    (a, b) => a != null && b != null && a.SequenceEqual(b),
                    list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                    list => list.ToList()))
            .IsRequired();

    /// <summary>Maps an immutable record to a TEXT column of camelCase JSON; records compare by value.</summary>
    public static PropertyBuilder<T> HasJsonRecordConversion<T>(this PropertyBuilder<T> property)
        where T : class =>
        property
            .HasConversion(value => StoredJson.Serialize(value), json => StoredJson.Deserialize<T>(json))
            .IsRequired();
}
