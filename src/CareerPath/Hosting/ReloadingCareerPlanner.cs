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
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly Lock _reloading = new();
    private CareerPlanner _current;
    private IReadOnlyList<InputError> _lastErrors = [];

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
    internal ReloadingCareerPlanner(Func<RuleSet> load, RuleSet? initial, IReadOnlyList<string> watched, ILogger? logger, TimeSpan quiet)
    {
        _load = load;
        _logger = logger ?? NullLogger.Instance;
        _quiet = quiet;
        _current = new CareerPlanner(initial ?? load());
        _timer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var path in watched)
        {
            Watch(path);
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
        lock (_reloading)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            RuleSet ruleSet;
            try
            {
                ruleSet = _load();
            }
            catch (RulePackException exception)
            {
                Volatile.Write(ref _lastErrors, exception.Errors);
                Hosting.CareerPathLog.PackReloadFailed(_logger, exception.Errors.Count, RuleSet.Name, RuleSet.Version, exception);
                ReloadFailed?.Invoke(this, EventArgs.Empty);
                return false;
            }

            Volatile.Write(ref _current, new CareerPlanner(ruleSet));
            Volatile.Write(ref _lastErrors, []);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Hosting.CareerPathLog.PackLoaded(_logger, ruleSet.Name, ruleSet.Version, ruleSet.RuleCount, (long)elapsed.TotalMilliseconds);
            Reloaded?.Invoke(this, EventArgs.Empty);
            return true;
        }
    }

    /// <summary>Stops watching the files.</summary>
    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
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
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Changed(string path)
    {
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || Directory.Exists(path))
        {
            // Restarted by every change: the reload waits until the files have been quiet a moment.
            _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
    }
}
