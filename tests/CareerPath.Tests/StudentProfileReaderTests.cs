namespace CareerPath.Tests;

public sealed class StudentProfileReaderTests
{
    [Fact]
    public void A_yaml_record_is_read_with_every_field()
    {
        var student = StudentProfileReader.ReadFile(TestFiles.Student("good.yaml"), TestFiles.MiniPack);

        Assert.Equal("2024-m1-0001", student.Id);
        Assert.Equal("张伟", student.Name);
        Assert.Equal(("m1", "p4", "higher-vocational", 1, 2), (student.Major, student.Pathway, student.Stage, student.Year, student.Term));
        Assert.Equal(4, student.Skills["s2"]);
        Assert.Equal(["c1"], student.Certificates);
        Assert.Equal(["pos1"], student.TargetPositions);
        Assert.Equal(("RI", "employment", 3.1), (student.Interests, student.Goal, student.Gpa));
    }

    [Fact]
    public void A_json_record_is_read_the_same_way()
    {
        var student = StudentProfileReader.ReadFile(TestFiles.Student("good.json"), TestFiles.MiniPack);

        Assert.Equal("graduated", student.Stage);
        Assert.Equal(new GraduationRecord { MonthsSince = 6, Employed = true, Position = "pos1" }, student.Graduation);
    }

    [Fact]
    public void Every_problem_in_a_record_is_reported_at_once_with_line_and_field()
    {
        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.ReadFile(TestFiles.Student("bad.yaml"), TestFiles.MiniPack));

        var errors = exception.Errors;
        Assert.Contains(errors, e => e.Line == 3 && e.Field is null && e.Message.Contains("Did you mean 'major'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 4 && e.Field == "pathway");
        Assert.Contains(errors, e => e.Line == 7 && e.Field == "term");
        Assert.Contains(errors, e => e.Line == 9 && e.Field == "skills.s1" && e.Message.Contains("from 0 (none) to 5 (expert)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 10 && e.Field == "goal" && e.Message.Contains("employment", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.EndsWith("bad.yaml", e.File, StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_never_carry_the_student_name()
    {
        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.ReadFile(TestFiles.Student("bad.yaml"), TestFiles.MiniPack));

        Assert.DoesNotContain("王秀英", exception.Message, StringComparison.Ordinal);
        Assert.All(exception.Errors, e => Assert.DoesNotContain("王秀英", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_stage_year_the_pathway_does_not_have_is_reported_with_what_is_allowed()
    {
        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.Read(
            "id: s1\nmajor: m1\npathway: p4\nstage: higher-vocational\nyear: 3\n", "s1.yaml", TestFiles.MiniPack));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("s1.yaml", 5, "year"), (error.File, error.Line, error.Field));
        Assert.Contains("from 1 to 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_field_is_reported()
    {
        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.Read("id: s1\npathway: p4\nstage: higher-vocational\nyear: 1\n", "s1.yaml"));

        Assert.Contains(exception.Errors, e => e.Field == "major");
    }

    [Fact]
    public void A_missing_file_is_reported_by_path()
    {
        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.ReadFile("no/such/student.yaml"));

        Assert.Equal("no/such/student.yaml", Assert.Single(exception.Errors).File);
    }

    [Fact]
    public void The_record_prints_its_id_only()
    {
        var student = StudentProfileReader.ReadFile(TestFiles.Student("good.yaml"));

        Assert.Equal("StudentProfile { Id = 2024-m1-0001 }", student.ToString());
    }

    [Fact]
    public void Errors_do_not_quote_the_values_of_the_record()
    {
        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.Read(
            "id: s1\nmajor: m1\npathway: p4\nstage: higher-vocational\nyear: 1\ngpa: 4.7\nskills: { s1: 9 }\n", "s1.yaml", TestFiles.MiniPack));

        Assert.Equal(2, exception.Errors.Count);
        Assert.DoesNotContain("4.7", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9", exception.Message.Replace("s1.yaml", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_given_as_a_student_file_is_reported()
    {
        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.ReadFile(AppContext.BaseDirectory));

        Assert.Contains("this is a folder", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }
}
