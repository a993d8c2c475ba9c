using System.Buffers;
using System.Collections.Concurrent;

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
    private readonly FileStream stream;

    /// <summary>Line buffers written and free to use again (at most as many as plans in flight).</summary>
    private readonly ConcurrentBag<ArrayBufferWriter<byte>> buffers = [];

    [ThreadStatic]
    private static PlanLineJson? t_json;
    private bool completed;

    public PlanLinesWriter(string folder)
    {
        path = Path.Combine(folder, FileName);
        temporary = path + ".tmp";
        stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
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
        stream.Write(line.WrittenSpan);
        line.ResetWrittenCount();
        buffers.Add(line);
    }

    public void Complete()
    {
        stream.Dispose();
        File.Move(temporary, path, overwrite: true);
        completed = true;
    }

    public void Dispose()
    {
        if (!completed)
        {
            stream.Dispose();
            File.Delete(temporary);
        }
    }
}
