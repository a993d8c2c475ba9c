namespace CareerPath.Samples.Cli;

/// <summary>The exit codes of every command, documented in README.md.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Unexpected = 1;
    public const int InvalidInput = 2;

    /// <summary><c>test</c>: every scenario ran, and at least one failed.</summary>
    public const int TestsFailed = 3;

    /// <summary><c>batch</c>: the batch finished, and some students were skipped (each reported on stderr).</summary>
    public const int SomeSkipped = 4;
}
