using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace CareerPath.Samples.Batch;

/// <summary>
/// Every plan in one JSON-lines file, <c>plans.jsonl</c>: one plan's JSON per line, in input order,
/// the form a school system imports back.
/// </summary>
internal sealed class PlanLinesWriter : IPlanWriter
{
    public const string FileName = "plans.jsonl";

    private readonly string path;
    private readonly string temporary;
    private readonly SafeFileHandle file;
    private long length;

    /// <summary>Line buffers written and free to use again (at most as many as plans in flight).</summary>
    private readonly ConcurrentBag<ArrayBufferWriter<byte>> buffers = [];

    /// <summary>Lines given to <see cref="Write"/> and not yet in the file: <see cref="Flush"/> writes them in one call.</summary>
    private readonly List<ArrayBufferWriter<byte>> held = [];
    private readonly List<ReadOnlyMemory<byte>> heldLines = [];

    [ThreadStatic]
    private static PlanLineJson? t_json;
    private bool completed;

    public PlanLinesWriter(string folder)
    {
        path = Path.Combine(folder, FileName);
        temporary = path + ".tmp";
        file = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write);
    }

    public string Describe() => path;

    public string? FileNameFor(string studentId) => null;

    /// <summary>The plan as one line of UTF-8 JSON, made on the planning threads in a buffer used again after it is written.</summary>
    public object? Prepare(CareerPlan plan)
    {
        var line = buffers.TryTake(out var kept) ? kept : new ArrayBufferWriter<byte>(128 * 1024);
        (t_json ??= new PlanLineJson()).Write(plan, line);
        line.Write("\n"u8);
        return line;
    }

    public void Write(CareerPlan plan, object? prepared)
    {
        var line = (ArrayBufferWriter<byte>)(prepared ?? Prepare(plan)!);
        held.Add(line);
        heldLines.Add(line.WrittenMemory);
    }

    /// <summary>Appends the held lines to the file in one gathering write, and frees their buffers.</summary>
    public void Flush()
    {
        if (held.Count == 0)
        {
            return;
        }

        RandomAccess.Write(file, heldLines, length);
        foreach (var line in held)
        {
            length += line.WrittenCount;
            line.ResetWrittenCount();
            buffers.Add(line);
        }

        held.Clear();
        heldLines.Clear();
    }

    public void Complete()
    {
        Flush();
        file.Dispose();
        File.Move(temporary, path, overwrite: true);
        completed = true;
    }

    public void Dispose()
    {
        if (!completed)
        {
            file.Dispose();
            File.Delete(temporary);
        }
    }
}
