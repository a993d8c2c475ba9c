using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerPath.Samples.Tests;

/// <summary>
/// The built app running <c>serve --port 0</c> as a user starts it, for one test class: the address
/// comes from the line it prints, and the process is killed when the class is done, pass or fail.
/// </summary>
public sealed partial class ServedApp : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly string[] _args;
    private Process? _process;

    /// <summary>The app serving the default pack and samples/students, as a class fixture.</summary>
    public ServedApp()
        : this([])
    {
    }

    /// <summary>The app serving with more options (<c>--rules</c>, <c>--students</c>); call <see cref="InitializeAsync"/> to start it.</summary>
    internal ServedApp(params string[] options) => _args = ["serve", "--port", "0", .. options];

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the app printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = AppProcess.StartInfo(_args), EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) =>
        {
            Append(line.Data);
            if (line.Data is not null && ServingLine().Match(line.Data) is { Success: true } served)
            {
                address.TrySetResult(new Uri(served.Groups[1].Value));
            }
        };
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("careerpath serve exited before it served: " + Log));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            Address = await address.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await DisposeAsync();
            throw new InvalidOperationException("careerpath serve printed no address within 60 seconds: " + Log);
        }

        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_process is not null)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
                // It had already exited.
            }

            _process.Dispose();
            _process = null;
        }

        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    [GeneratedRegex(@" at (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingLine();
}
