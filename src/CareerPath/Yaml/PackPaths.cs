namespace CareerPath.Yaml;

/// <summary>Turns the files and folders a user gives into YAML files, and reads them with size and permission checks.</summary>
internal static class PackPaths
{
    /// <summary>Largest YAML file accepted with the default limits, in bytes.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Each path's files: a folder gives every <c>.yaml</c>/<c>.yml</c> file under it, in path order.</summary>
    public static List<List<string>> Groups(IEnumerable<string> paths, InputErrorList errors, string kind)
    {
        var groups = new List<List<string>>();
        foreach (var path in paths)
        {
            var files = new List<string>();
            groups.Add(files);
            if (!Directory.Exists(path))
            {
                files.Add(path);
                continue;
            }

            try
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                errors.Add(path, 0, 0, $"the folder cannot be read: {exception.Message} Check its permissions.");
                continue;
            }

            if (files.Count == 0)
            {
                errors.Add(path, 0, 0, $"the folder holds no .yaml or .yml files; point at a {kind} folder or files.");
            }
        }

        return groups;
    }

    public static List<string> Expand(IEnumerable<string> paths, InputErrorList errors, string kind) =>
        [.. Groups(paths, errors, kind).SelectMany(g => g)];

    /// <summary>The file's text, or null with an error when it is missing, too large, unreadable or not text.</summary>
    public static string? ReadText(string path, InputErrorList errors, InputLimits? limits = null) =>
        TextFiles.Read(path, (limits ?? InputLimits.Default).MaxFileBytes, nameof(InputLimits.MaxFileBytes), errors);
}
