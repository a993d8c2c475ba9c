using System.Text;

namespace CareerPath.Yaml;

/// <summary>
/// Reads input files and streams as text with a size limit that holds even when the length is not
/// known up front (a device such as <c>/dev/zero</c>, a stream), and decodes them strictly: UTF-8, or
/// UTF-16 or UTF-32 with a byte order mark. Invalid bytes are an error at their line and column,
/// never silently replaced.
/// </summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null after adding an error: missing, a folder, too large, unreadable or not text.</summary>
    public static string? Read(string path, int maxBytes, string limitName, InputErrorList errors)
    {
        try
        {
            if (Directory.Exists(path))
            {
                errors.Add(path, 0, 0, "this is a folder, not a file; give the file's path.");
                return null;
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.Add(path, 0, 0, "the file does not exist; check the path.");
                return null;
            }

            if (info.Length > maxBytes)
            {
                errors.Add(path, 0, 0, TooLarge($"is {info.Length:N0} bytes", maxBytes, limitName));
                return null;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            return Read(stream, path, maxBytes, limitName, errors);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            errors.Add(path, 0, 0, $"the file cannot be read: {exception.Message}");
            return null;
        }
    }

    /// <summary>The stream's text, reading at most one byte past <paramref name="maxBytes"/>; null after adding an error.</summary>
    public static string? Read(Stream stream, string name, int maxBytes, string limitName, InputErrorList errors)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1L - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                errors.Add(name, 0, 0, TooLarge($"holds more than {maxBytes:N0} bytes", maxBytes, limitName));
                return null;
            }
        }

        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), name, errors);
    }

    /// <summary>Decodes bytes as UTF-8 (or UTF-16/32 with a byte order mark); null after adding an error at the first invalid byte.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string name, InputErrorList errors)
    {
        Encoding encoding = StrictUtf8;
        var skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            skip = 3;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        var body = bytes[skip..];
        if (encoding is UTF8Encoding)
        {
            if (body.Contains((byte)0))
            {
                errors.Add(name, 0, 0, "this is not a text file: it holds NUL bytes (a binary file, or UTF-16 text without a byte order mark). Save it as UTF-8 text.");
                return null;
            }

            var chars = new char[body.Length];
            var status = System.Text.Unicode.Utf8.ToUtf16(body, chars, out _, out var charsWritten, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.Done)
            {
                return new string(chars, 0, charsWritten);
            }

            // The text before the first bad byte decodes, so its lines tell the place.
            var before = chars.AsSpan(0, charsWritten);
            var line = 1 + before.Count('\n');
            var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
            errors.Add(name, line, column,
                "this is not UTF-8 text: the bytes here are not a character. Save the file as UTF-8 (a binary file, or a file in GBK or another legacy encoding, is not read).");
            return null;
        }

        try
        {
            return encoding.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(name, 0, 0, $"this is not valid {encoding.WebName} text: some bytes are not a character. Save the file as UTF-8.");
            return null;
        }
    }

    private static string TooLarge(string size, int maxBytes, string limitName) =>
        $"the file {size}; a file may have at most {maxBytes:N0} bytes {InputLimits.HowToRaise(limitName)}."
        + (limitName == nameof(InputLimits.MaxFileBytes) ? " Split the pack into several files." : string.Empty);
}
