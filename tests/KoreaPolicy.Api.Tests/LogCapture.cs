using Microsoft.Extensions.Logging;

namespace KoreaPolicy.Api.Tests;

/// <summary>
/// A logging provider that keeps what reaches it, after the application's own filters
/// (Logging:LogLevel from appsettings.json and the settings a test adds), as the console would get it.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly List<CapturedLog> entries = [];

    public IReadOnlyList<CapturedLog> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            lock (capture.entries)
            {
                capture.entries.Add(new CapturedLog(category, logLevel, eventId.Id, formatter(state, exception),
                    values.ToDictionary(v => v.Key, v => v.Value)));
            }
        }
    }
}

/// <summary>One log entry: its category, level, event id, text and structured values.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> State);
