namespace KnockAdmin.EndToEnd.Tests.Support;

/// <summary>Waits for something that happens in another process, with a bound instead of a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        T value;
        while (!done(value = await read()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {within.TotalSeconds} s for {what}; last seen: {value}");
            }

            await Task.Delay(200);
        }

        return value;
    }
}
