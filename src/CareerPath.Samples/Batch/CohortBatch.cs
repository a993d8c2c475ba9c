using System.Collections.Concurrent;

namespace CareerPath.Samples.Batch;

/// <summary>
/// Plans a cohort one student at a time: read, plan, write, count, forget. A student who cannot be
/// planned is reported with where they are in the input and why, and the batch goes on.
/// </summary>
/// <remarks>
/// Two threads in a pipeline: one reads and plans, the other writes, counts and reports, in input
/// order. Writing a plan's JSON costs about as much as making the plan, so the pair nearly halves
/// the time on two cores; at most <see cref="InFlight"/> plans are held between them.
/// </remarks>
internal sealed class CohortBatch(ICareerPlanner planner, PlanOptions options, IPlanWriter writer)
{
    private const int InFlight = 256;

    /// <summary>How many records are planned together on all cores before they are handed on in order.</summary>
    private const int Chunk = 128;

    // Ids only, to refuse a second student with the same id: a second plan would replace the first.
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> fileNames = new(StringComparer.OrdinalIgnoreCase);

    public CohortSummary Summary { get; } = new();

    /// <summary>Plans every student of <paramref name="source"/>, reporting each problem as a line and progress after each student.</summary>
    public void Run(ICohortSource source, Action<string> problem, Action<long, Func<string>> progress)
    {
        using var queue = new BlockingCollection<Planned>(InFlight);
        using var stop = new CancellationTokenSource();
        var planning = Task.Run(() =>
        {
            try
            {
                // Records are read in order, planned (and made ready to write) in chunks on every core,
                // and handed on in input order, so the output is the same as one thread's.
                var chunk = new List<(CohortEntry Entry, long Position)>(Chunk);
                var done = new Planned[Chunk];
                foreach (var entry in source.Read())
                {
                    chunk.Add((entry, source.Position));
                    if (chunk.Count == Chunk)
                    {
                        PlanChunk(chunk, done, queue, stop.Token);
                    }
                }

                PlanChunk(chunk, done, queue, stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        try
        {
            foreach (var planned in queue.GetConsumingEnumerable())
            {
                Take(planned, problem);
                progress(planned.Position, Describe);
            }
        }
        catch
        {
            stop.Cancel();
            try
            {
                planning.Wait();
            }
            catch (AggregateException)
            {
                // The writing failure is the one to report; planning only stopped because of it.
            }

            throw;
        }

        planning.GetAwaiter().GetResult();
    }

    private void PlanChunk(List<(CohortEntry Entry, long Position)> chunk, Planned[] done, BlockingCollection<Planned> queue, CancellationToken stop)
    {
        Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = stop }, i => done[i] = Plan(chunk[i].Entry, chunk[i].Position));
        for (var i = 0; i < chunk.Count; i++)
        {
            queue.Add(done[i], stop);
            done[i] = null!;
        }

        chunk.Clear();
    }

    private string Describe() => $"{Summary.Planned} planned, {Summary.Skipped} skipped";

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

    /// <summary>A student on the way from the planning thread to the writing one: a plan, or why there is none.</summary>
    /// <summary>A record's outcome: its plan (and the plan made ready to write by <see cref="IPlanWriter.Prepare"/>), or its problems.</summary>
    private sealed record Planned(CohortEntry Entry, CareerPlan? Plan, IReadOnlyList<string> Problems, long Position, object? Prepared = null);
}
