using System.Text.Encodings.Web;
using System.Text.Json;

namespace CareerPath.Tests;

/// <summary>The YAML the schema tests validate is typed as a YAML 1.2 language server types it.</summary>
public sealed class YamlAsJsonTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [InlineData("3", "3")]
    [InlineData("-7", "-7")]
    [InlineData("+12", "12")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("2.5", "2.5")]
    [InlineData("1e3", "1000")]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("null", "null")]
    [InlineData("~", "null")]
    [InlineData("", "null")]
    [InlineData("3+2", "\"3+2\"")]
    [InlineData("0.2.0", "\"0.2.0\"")]
    [InlineData("last", "\"last\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData(".inf", "\".inf\"")]
    public void A_plain_scalar_has_the_type_the_yaml_1_2_core_schema_gives_it(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml));
    }

    [Theory]
    [InlineData("'3'", "\"3\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("'~'", "\"~\"")]
    [InlineData("''", "\"\"")]
    [InlineData("!!str 3", "\"3\"")]
    [InlineData("! 3", "\"3\"")]
    [InlineData("!!int 3", "3")]
    public void A_quoted_or_tagged_scalar_has_the_type_its_quotes_or_tag_give_it(string yaml, string json)
    {
        Assert.Equal(json, Value(yaml));
    }

    [Fact]
    public void A_block_scalar_is_a_string_even_when_it_reads_like_a_number()
    {
        Assert.Equal("\"42\\n\"", Value("|\n  42\n"));
    }

    [Fact]
    public void Mappings_and_lists_become_objects_and_arrays_in_the_order_written()
    {
        var json = YamlAsJson.Convert("b: [1, two, { c: null }]\na: { x: 1 }\n");

        Assert.Equal("""{"b":[1,"two",{"c":null}],"a":{"x":1}}""", json!.ToJsonString());
    }

    [Fact]
    public void An_empty_document_is_null()
    {
        Assert.Null(YamlAsJson.Convert("# only a comment\n"));
    }

    private static string Value(string yaml) => YamlAsJson.Convert("value: " + yaml)!["value"]?.ToJsonString(Readable) ?? "null";
}
