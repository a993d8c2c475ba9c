using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;

namespace CareerPath.Tests.Package;

/// <summary>
/// The package as a .NET team gets it: what the .nupkg and .snupkg hold, and an app outside the
/// repository that restores the package from a local feed and plans through DI in a generic host.
/// </summary>
public sealed class PackageTests(PackedPackage packed) : IClassFixture<PackedPackage>
{
    private const string RepositoryUrl = "https://github.com/careerpath/careerpath";

    // The id of the SourceLink record in a portable pdb's custom debug information.
    private static readonly Guid SourceLinkId = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void The_package_page_has_the_readme_license_links_and_release_notes_from_the_changelog()
    {
        using var package = ZipFile.OpenRead(packed.Package);
        var nuspec = Nuspec(package);

        Assert.Equal("CareerPath", Element(nuspec, "id").Value);
        Assert.Equal(packed.Version, Element(nuspec, "version").Value);
        Assert.Equal("MIT", Element(nuspec, "license").Value);
        Assert.Equal("expression", Element(nuspec, "license").Attribute("type")?.Value);
        Assert.Equal(RepositoryUrl, Element(nuspec, "projectUrl").Value);
        Assert.Equal(RepositoryUrl, Element(nuspec, "repository").Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", Element(nuspec, "repository").Attribute("commit")?.Value);
        Assert.Equal("README.md", Element(nuspec, "readme").Value);
        Assert.NotEmpty(Element(nuspec, "description").Value);
        Assert.Contains("rules-engine", Element(nuspec, "tags").Value, StringComparison.Ordinal);
        Assert.Equal(
            File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "CHANGELOG.md")).ReplaceLineEndings("\n").Trim(),
            Element(nuspec, "releaseNotes").Value.ReplaceLineEndings("\n").Trim());
        Assert.Equal(File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "README.md")), Text(package, "README.md"));
    }

    [Fact]
    public void The_package_has_the_assembly_its_xml_docs_and_the_default_pack_as_yaml_files()
    {
        using var package = ZipFile.OpenRead(packed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("lib/net10.0/CareerPath.dll", entries);
        Assert.Contains("<member name=\"T:CareerPath.CareerPlanner\">", Text(package, "lib/net10.0/CareerPath.xml"), StringComparison.Ordinal);
        var defaultPack = Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "DefaultPack");
        var yamlFiles = Directory.GetFiles(defaultPack, "*.yaml", SearchOption.AllDirectories)
            .Select(f => "DefaultPack/" + Path.GetRelativePath(defaultPack, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(yamlFiles, entries.Where(e => e.StartsWith("DefaultPack/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_symbols_package_has_the_pdb_with_a_source_link_to_this_commit_in_the_repository()
    {
        using var symbols = ZipFile.OpenRead(packed.Symbols);
        var pdb = Assert.Single(symbols.Entries, e => e.FullName == "lib/net10.0/CareerPath.pdb");
        using var stream = new MemoryStream();
        using (var entry = pdb.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Single(info => reader.GetGuid(info.Kind) == SourceLinkId);
        var json = Encoding.UTF8.GetString(reader.GetBlobBytes(sourceLink.Value));

        Assert.Matches("https://raw.githubusercontent.com/careerpath/careerpath/[0-9a-f]{40}/\\*", json);
    }

    [Fact]
    public void An_app_outside_the_repository_restores_the_package_and_plans_through_DI_in_a_generic_host()
    {
        var consumer = Path.Combine(packed.Work, "consumer");
        Directory.CreateDirectory(consumer);
        foreach (var file in Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "tests", "Consumer")))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        // Sources: the fresh feed, plus whatever the machine's NuGet configuration has (no <clear/>).
        // Packages: a folder of the run's own, with the machine's as a read-only fallback for the rest.
        var config = new XElement("configuration",
            new XElement("packageSources", new XElement("add", new XAttribute("key", "careerpath-under-test"), new XAttribute("value", packed.Feed))),
            new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", MachinePackagesFolder()))));
        config.Save(Path.Combine(consumer, "nuget.config"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var output = Dotnet.Run(
            consumer,
            ["run", "-c", "Release", "--property:CareerPathVersion=" + packed.Version, "--", TestFiles.Pack("mini.yaml"), TestFiles.Pack("three-mistakes.yaml")],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(packed.Work, "packages") });
        TestContext.Current.TestOutputHelper?.WriteLine($"dotnet pack {packed.PackTime.TotalSeconds:F1} s; consumer restore, build and run {clock.Elapsed.TotalSeconds:F1} s");

        var defaultPack = RulePackLoader.LoadDefault();
        Assert.Contains($"default: pack {defaultPack.Name} {defaultPack.Version}; student consumer-cnt-1; language zh-CN; 5 phases;", output, StringComparison.Ordinal);
        Assert.Contains("file: pack mini 2.0.0; student consumer-mini-1; language en; 5 phases;", output, StringComparison.Ordinal);
        Assert.Matches(@"broken: the host did not start: The rule pack has \d+ problems: \| \S*three-mistakes\.yaml:\d+:\d+: ", output);
        Assert.Contains($"Loaded rule pack {defaultPack.Name} {defaultPack.Version}: {defaultPack.RuleCount} rules in", output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(packed.Work, "packages", "careerpath", packed.Version)), "the package should come from the fresh feed into the run's own packages folder");
    }

    private static XElement Nuspec(ZipArchive package) => XElement.Parse(Text(package, "CareerPath.nuspec"));

    private static XElement Element(XElement nuspec, string name) =>
        Assert.Single(nuspec.Descendants(), e => e.Name.LocalName == name);

    private static string Text(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(Assert.Single(package.Entries, e => e.FullName == entry).Open());
        return reader.ReadToEnd();
    }

    /// <summary>Where this machine's restores put packages (NUGET_PACKAGES, the config's globalPackagesFolder, or the default).</summary>
    private static string MachinePackagesFolder()
    {
        var line = Dotnet.Run(TestFiles.RepoRoot, ["nuget", "locals", "global-packages", "--list"]).Trim();
        const string Prefix = "global-packages:";
        Assert.StartsWith(Prefix, line, StringComparison.Ordinal);
        return line[Prefix.Length..].Trim();
    }
}
