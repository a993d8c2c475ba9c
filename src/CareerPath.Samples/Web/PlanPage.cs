using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerPath.Samples.Web;

/// <summary>
/// The one page (<c>PlanPage.html</c>: HTML, CSS and script inline, nothing from elsewhere) and the
/// Content-Security-Policy that lets only its own script and style run.
/// </summary>
internal sealed partial class PlanPage
{
    private PlanPage(string html, string contentSecurityPolicy)
    {
        Html = html;
        ContentSecurityPolicy = contentSecurityPolicy;
    }

    public string Html { get; }

    /// <summary>The page's inline script and style by hash, its data from this server only; no plugin, frame, form post or other origin.</summary>
    public string ContentSecurityPolicy { get; }

    public static PlanPage Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream("CareerPath.Samples.Web.PlanPage.html")
            ?? throw new InvalidOperationException("PlanPage.html is not embedded in the app.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var html = reader.ReadToEnd();
        var scripts = string.Join(' ', ScriptBlock().Matches(html).Select(m => Hash(m.Groups[1].Value)));
        var styles = string.Join(' ', StyleBlock().Matches(html).Select(m => Hash(m.Groups[1].Value)));
        var policy = $"default-src 'none'; script-src {scripts}; style-src {styles}; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return new PlanPage(html, policy);
    }

    private static string Hash(string block) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(block)))}'";

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptBlock();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex StyleBlock();
}
