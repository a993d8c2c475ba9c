using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerPath;

/// <summary>
/// A planner that watches its rule pack's files and swaps in a changed pack: the new pack is loaded
/// and checked off the planning path, and replaces the old one in one step, so a plan is always made
/// by one whole pack (its name and version are on the plan). A pack that fails to load is logged
/// and the last good one keeps serving.
/// </summary>
/// <remarks>
/// <code>
/// using var planner = new ReloadingCareerPlanner(["packs/our-school"], logger);
/// var plan = planner.Plan(student);   // always the last pack that loaded without an error
/// </code>
/// With <c>services.AddCareerPath(o =&gt; o.WatchForChanges = true)</c> the registered
/// <see cref="ICareerPlanner"/> is one of these.
/// </remarks>
public sealed class ReloadingCareerPlanner : ICareerPlanner, IDisposable
{
    private readonly Func<RuleSet> _load;
    private readonly ILogger _logger;
    private readonly TimeSpan _quiet;
    private readonly InputLimits _limits;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly Lock _reloading = new();
    private CareerPlanner _current;
    private IReadOnlyList<InputError> _lastErrors = [];
    private IDisposable? _subscription;
    private volatile bool _disposed;

    [ThreadStatic]
    private static bool t_inTimer;

    /// <summary>Loads the pack at <paramref name="packPaths"/> now and starts watching its files and folders.</summary>
    /// <param name="packPaths">The pack's files and folders, as for <see cref="RulePackLoader.LoadFiles(IEnumerable{string})"/>.</param>
    /// <param name="logger">Where reloads and failed reloads are logged; none when null.</param>
    /// <exception cref="RulePackException">The pack does not load now (there is no last good pack to serve).</exception>
    public ReloadingCareerPlanner(IEnumerable<string> packPaths, ILogger? logger = null)
        : this(Paths(packPaths), logger)
    {
    }

    private ReloadingCareerPlanner(List<string> paths, ILogger? logger)
        : this(() => RulePackLoader.LoadFiles(paths), initial: null, paths, logger, TimeSpan.FromMilliseconds(300))
    {
    }

    /// <param name="initial">The pack already loaded, or null to load it now.</param>
    /// <param name="quiet">How long the files must stay unchanged before a reload (an editor saves in several writes).</param>
    /// <param name="limits">The limits each plan's profile is checked against; the defaults when null.</param>
    internal ReloadingCareerPlanner(Func<RuleSet> load, RuleSet? initial, IReadOnlyList<string> watched, ILogger? logger, TimeSpan quiet, InputLimits? limits = null)
    {
        _load = load;
        _logger = logger ?? NullLogger.Instance;
        _quiet = quiet;
        _limits = limits ?? InputLimits.Default;
        _current = new CareerPlanner(initial ?? load(), _limits);
        _timer = new Timer(_ => ReloadQuietly(), null, Timeout.Infinite, Timeout.Infinite);
        try
        {
            foreach (var path in watched)
            {
                Watch(path);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Raised after a changed pack loaded and was swapped in (on a background thread).</summary>
    public event EventHandler? Reloaded;

    /// <summary>Raised after a changed pack failed to load; <see cref="LastErrors"/> says why (on a background thread).</summary>
    public event EventHandler? ReloadFailed;

    /// <inheritdoc />
    public RuleSet RuleSet => Volatile.Read(ref _current).RuleSet;

    /// <summary>The errors of the last reload that failed; empty once a reload succeeds.</summary>
    public IReadOnlyList<InputError> LastErrors => Volatile.Read(ref _lastErrors);

    /// <inheritdoc />
    public CareerPlan Plan(StudentProfile student, PlanOptions? options = null) => Volatile.Read(ref _current).Plan(student, options);

    /// <summary>Loads the pack again now, on the calling thread, and swaps it in when it loads.</summary>
    /// <returns>True when the new pack is serving; false when it failed (logged, and the last good pack keeps serving).</returns>
    public bool Reload()
    {
        if (_disposed)
        {
            return false;
        }

        bool loaded;
        lock (_reloading)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var ruleSet = _load();
                Volatile.Write(ref _current, new CareerPlanner(ruleSet, _limits));
                Volatile.Write(ref _lastErrors, []);
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                Hosting.CareerPathLog.PackLoaded(_logger, ruleSet.Name, ruleSet.Version, ruleSet.RuleCount, (long)elapsed.TotalMilliseconds);
                loaded = true;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Whatever went wrong (a broken pack, a failing stream or options check), the last
                // good pack keeps serving.
                var problems = exception is RulePackException pack
                    ? pack.Errors
                    : [new InputError("rule pack", 0, 0, $"the pack could not be reloaded: {exception.GetType().Name}: {exception.Message}")];
                Volatile.Write(ref _lastErrors, problems);
                Hosting.CareerPathLog.PackReloadFailed(_logger, problems.Count, RuleSet.Name, RuleSet.Version, exception as RulePackException ?? new RulePackException(problems));
                loaded = false;
            }
        }

        Raise(loaded ? Reloaded : ReloadFailed);
        return loaded;
    }

    /// <summary>Has the planner also reload when <paramref name="subscription"/>'s source changes; disposed with the planner.</summary>
    internal void Own(IDisposable? subscription) => _subscription = subscription;

    /// <summary>Stops watching the files.</summary>
    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        // Waits for a reload the timer already started, so none runs after Dispose returns.
        // (Not when Dispose is called from a Reloaded handler on the timer's own thread: that would wait on itself.)
        if (t_inTimer)
        {
            _timer.Dispose();
            return;
        }

        using var done = new ManualResetEvent(false);
        if (_timer.Dispose(done))
        {
            done.WaitOne();
        }
    }

    /// <summary>The timer's reload: on a thread-pool thread, where an exception would end the process.</summary>
    private void ReloadQuietly()
    {
        t_inTimer = true;
        try
        {
            Reload();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Hosting.CareerPathLog.ReloadCrashed(_logger, exception);
        }
        finally
        {
            t_inTimer = false;
        }
    }

    private void Raise(EventHandler? handler)
    {
        try
        {
            handler?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A host's handler must not take the planner (or the process) down with it.
            Hosting.CareerPathLog.ReloadCrashed(_logger, exception);
        }
    }

    private static List<string> Paths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return [.. paths];
    }

    private void Watch(string path)
    {
        var full = Path.GetFullPath(path);
        var isFolder = Directory.Exists(full);
        var folder = isFolder ? full : Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        var watcher = new FileSystemWatcher(folder, isFolder ? "*.*" : Path.GetFileName(full))
        {
            IncludeSubdirectories = isFolder,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        FileSystemEventHandler changed = (_, e) => Changed(e.FullPath);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, e) => Changed(e.FullPath);
        watcher.Error += (_, _) => Changed(full + ".yaml");
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Changed(string path)
    {
        if (_disposed)
        {
            return;
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || Directory.Exists(path))
        {
            // Restarted by every change: the reload waits until the files have been quiet a moment.
            try
            {
                _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
            }
            catch (ObjectDisposedException)
            {
                // Disposed while the change was on its way: nothing to reload.
            }
        }
    }
}
