using System.Runtime.ExceptionServices;

namespace CareerPath.Samples.Batch;

/// <summary>
/// Plans a cohort one student at a time: read, plan, write, count, forget. A student who cannot be
/// planned is reported with where they are in the input and why, and the batch goes on.
/// </summary>
/// <remarks>
/// <para>
/// One worker per core, all alike. A worker takes the next <see cref="Chunk"/> records in input order,
/// plans them (and makes each plan ready to write), and leaves the group for writing. Whichever worker
/// finds the group that is next in input order ready writes it, and every group after it that is ready
/// too: counts, problems, progress and output stay in input order, as with one thread, while the cores
/// stay busy with planning or writing, whichever is behind. No core waits on a thread that only writes,
/// and workers hand on groups, not plans, so they seldom wake each other.
/// </para>
/// <para>
/// A worker more than <see cref="MostAhead"/> groups ahead of the writing waits, so memory stays flat
/// however long the cohort. When the input breaks off, the groups read before are planned and written,
/// and then the input's exception is thrown as it was; any other failure (the output failing) stops
/// every worker at once and is thrown as it was.
/// </para>
/// </remarks>
internal sealed class CohortBatch(ICareerPlanner planner, PlanOptions options, IPlanWriter writer)
{
    /// <summary>How many records a worker reads and plans together.</summary>
    private const int Chunk = 32;

    /// <summary>
    /// At most this many workers: writing is one thread's work at a time (the file takes one write at a
    /// time), so more would mostly wait, each holding its encoded parts (about 20 MB).
    /// </summary>
    private const int MostWorkers = 8;

    /// <summary>How many workers plan: one per core, up to <see cref="MostWorkers"/>.</summary>
    private static readonly int WorkerCount = Math.Clamp(Environment.ProcessorCount, 1, MostWorkers);

    /// <summary>How many groups may be planned ahead of the one being written: two per worker.</summary>
    private static readonly int MostAhead = 2 * WorkerCount;

    // Ids only, to refuse a second student with the same id: a second plan would replace the first.
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> fileNames = new(StringComparer.OrdinalIgnoreCase);

    public CohortSummary Summary { get; } = new();

    /// <summary>Plans every student of <paramref name="source"/>, reporting each problem as a line and progress after each student.</summary>
    public void Run(ICohortSource source, Action<string> problem, Action<long, Func<string>> progress)
    {
        using var entries = source.Read().GetEnumerator();
        var workers = new Workers(this, source, entries, problem, progress);
        var helpers = Enumerable.Range(1, WorkerCount - 1)
            .Select(_ => Task.Factory.StartNew(workers.Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        workers.Work();
        Task.WaitAll(helpers);
        workers.ThrowFailure();
    }

    private string Describe() => $"{Summary.Planned} planned, {Summary.Skipped} skipped";

    /// <summary>Counts and writes a group of planned records, or reports why they were skipped, in input order.</summary>
    private void Write(Planned[] group, Action<string> problem, Action<long, Func<string>> progress)
    {
        foreach (var planned in group)
        {
            Take(planned, problem);
            progress(planned.Position, Describe);
        }

        writer.Flush();
    }

    private Planned Plan(CohortEntry entry, long position)
    {
        if (entry.Student is not { } student)
        {
            return new Planned(entry, null, entry.Problems, position);
        }

        try
        {
            var plan = planner.Plan(student, options);
            return new Planned(entry, plan, [], position, writer.Prepare(plan));
        }
        catch (StudentProfileException exception)
        {
            return new Planned(entry, null, [.. exception.Errors.Select(e => $"{entry.Where}: {e.Message}")], position);
        }
#pragma warning disable CA1031 // The batch never stops for one student: an unforeseen failure skips that student, by id only.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new Planned(entry, null, [$"{entry.Where}: the student could not be planned ({exception.GetType().Name}); please report it with the rule pack used."], position);
        }
    }

    private void Take(Planned planned, Action<string> problem)
    {
        void Skip(IReadOnlyList<string> problems)
        {
            foreach (var line in problems)
            {
                problem(line);
            }

            Summary.Skip();
        }

        if (planned.Plan is not { } plan)
        {
            Skip(planned.Problems);
            return;
        }

        var where = planned.Entry.Where;
        if (!ids.Add(plan.StudentId))
        {
            Skip([$"{where}: id: '{plan.StudentId}' was planned before, from an earlier row or file; each student needs an id of their own."]);
            return;
        }

        if (writer.FileNameFor(plan.StudentId) is { } fileName && !fileNames.Add(fileName))
        {
            Skip([$"{where}: id: '{plan.StudentId}' gives the file name '{fileName}', which an earlier student's plan has; ids that differ only in case or in characters other than letters, digits, '-', '_' and '.' share a file name."]);
            return;
        }

        writer.Write(plan, planned.Prepared);
        Summary.Add(planned.Entry.Student!, plan);
    }

    /// <summary>What the workers of one run share: the input, the groups planned and not yet written, the first failure.</summary>
    private sealed class Workers(CohortBatch batch, ICohortSource source, IEnumerator<CohortEntry> entries, Action<string> problem, Action<long, Func<string>> progress)
    {
        private readonly Lock reading = new();
        private readonly Lock writing = new();

        /// <summary>Guards <see cref="ready"/>, <see cref="nextToWrite"/> and <see cref="failure"/>; waited on by workers too far ahead.</summary>
        private readonly object gate = new();
        private readonly Dictionary<long, Planned[]> ready = [];
        private long nextToRead;
        private long nextToWrite;
        private bool endOfInput;
        private ExceptionDispatchInfo? failure;

        /// <summary>Why the input broke off, thrown once the groups read before it are written.</summary>
        private ExceptionDispatchInfo? inputFailure;

        public void Work()
        {
            try
            {
                while (TryRead(out var group, out var number) && WaitUntilNear(number))
                {
                    var planned = new Planned[group.Count];
                    for (var i = 0; i < group.Count; i++)
                    {
                        planned[i] = batch.Plan(group[i].Entry, group[i].Position);
                    }

                    lock (gate)
                    {
                        ready.Add(number, planned);
                    }

                    WriteWhatIsReady();
                }
            }
#pragma warning disable CA1031 // Any failure stops every worker, and Run throws it as it was.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                lock (gate)
                {
                    failure ??= ExceptionDispatchInfo.Capture(exception);
                    Monitor.PulseAll(gate);
                }
            }
        }

        public void ThrowFailure() => (failure ?? inputFailure)?.Throw();

        /// <summary>The next group of records in input order, numbered; false at the end of the input or after a failure.</summary>
        private bool TryRead(out List<(CohortEntry Entry, long Position)> group, out long number)
        {
            group = new List<(CohortEntry Entry, long Position)>(Chunk);
            lock (reading)
            {
                number = nextToRead;
                while (!endOfInput && Volatile.Read(ref failure) is null && group.Count < Chunk)
                {
                    bool more;
                    try
                    {
                        more = entries.MoveNext();
                    }
#pragma warning disable CA1031 // The input's failure is thrown by Run, as it was, after the groups before it are written.
                    catch (Exception exception)
#pragma warning restore CA1031
                    {
                        inputFailure = ExceptionDispatchInfo.Capture(exception);
                        group.Clear(); // a group cut short is not planned, as the rows after it are not
                        more = false;
                    }

                    if (more)
                    {
                        group.Add((entries.Current, source.Position));
                    }
                    else
                    {
                        endOfInput = true;
                    }
                }

                nextToRead += group.Count > 0 ? 1 : 0;
            }

            return group.Count > 0;
        }

        /// <summary>Waits while group <paramref name="number"/> is too far ahead of the writing; false after a failure.</summary>
        private bool WaitUntilNear(long number)
        {
            lock (gate)
            {
                while (number - nextToWrite >= MostAhead && failure is null)
                {
                    Monitor.Wait(gate);
                }

                return failure is null;
            }
        }

        /// <summary>
        /// Writes the group next in input order, and the ones after it, while they are ready, unless another
        /// worker is writing: that one looks again after it stops, so no ready group is left unwritten.
        /// </summary>
        private void WriteWhatIsReady()
        {
            while (writing.TryEnter())
            {
                try
                {
                    while (TakeNext() is { } group)
                    {
                        batch.Write(group, problem, progress);
                        lock (gate)
                        {
                            nextToWrite++;
                            Monitor.PulseAll(gate);
                        }
                    }
                }
                finally
                {
                    writing.Exit();
                }

                lock (gate)
                {
                    if (failure is not null || !ready.ContainsKey(nextToWrite))
                    {
                        return;
                    }
                }
            }
        }

        private Planned[]? TakeNext()
        {
            lock (gate)
            {
                return failure is null && ready.Remove(nextToWrite, out var group) ? group : null;
            }
        }
    }

    /// <summary>A record's outcome: its plan (and the plan made ready to write by <see cref="IPlanWriter.Prepare"/>), or its problems.</summary>
    private sealed record Planned(CohortEntry Entry, CareerPlan? Plan, IReadOnlyList<string> Problems, long Position, object? Prepared = null);
}
