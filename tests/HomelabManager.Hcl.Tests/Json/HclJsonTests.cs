using HomelabManager.Hcl.Json;

namespace HomelabManager.Hcl.Tests.Json;

public sealed class HclJsonTests
{
    [Fact]
    public void BlocksNestPerLabelAndEndInArrays()
    {
        Hcl.AssertJson("job \"web\" {\n  group \"g\" {}\n  group \"g\" { count = 2 }\n}\nx {}\n",
            """{"job": {"web": [{"group": {"g": [{}, {"count": 2}]}}]}, "x": [{}]}""");
    }

    [Fact]
    public void AttributeBeatsBlock()
    {
        Hcl.AssertJson("a = 1\na {}\n", """{"a": 1}""");
    }

    [Fact]
    public void LiteralsAndFolding()
    {
        Hcl.AssertJson("a = -5\nb = !true\nc = -(5)\nd = 1e3\ne = 1.50\nf = null\n",
            """{"a": -5, "b": false, "c": "${-(5)}", "d": 1000, "e": 1.5, "f": null}""");
    }

    [Fact]
    public void TemplatesFollowTheHcl2JsonRules()
    {
        Hcl.AssertJson(
            "a = \"${true}\"\nb = \"n ${12.5}\"\nc = \"$${x} ${y}\"\nd = \"x ${c ? b : \"z\"}\"\ne = \"%{ for k, v in m ~} ${v} %{~ endfor }\"\n",
            """{"a": true, "b": "n 12.5", "c": "$${x} ${y}", "d": "x %{if c}${b}%{else}z%{endif}", "e": "%{for k, v in m}${v}%{endfor}"}""");
    }

    [Fact]
    public void ObjectKeys()
    {
        Hcl.AssertJson("a = { b = 1, \"c\" = 2, 15 = 3, foo.bar = 4, (k) = 5, -1 = 6 }\n",
            """{"a": {"b": 1, "c": 2, "15": 3, "foo.bar": 4, "${(k)}": 5, "${-1}": 6}}""");
    }

    [Fact]
    public void InconsistentLabelsAreADiagnostic()
    {
        var parsed = Hcl.ParseValid("b \"l\" {}\nb \"l\" \"m\" {}\n");
        var converted = HclJson.Convert(parsed.Body, parsed.Source);
        Assert.Equal("HCL401", Assert.Single(converted.Diagnostics).Code);
    }

    [Fact]
    public void NumbersKeepEveryDigit()
    {
        var parsed = Hcl.ParseValid("pi = 3.14159265358979323846264338327950288419716939937510582097494459\n");
        Assert.Contains("3.14159265358979323846264338327950288419716939937510582097494459", HclJson.Convert(parsed.Body, parsed.Source).Json, StringComparison.Ordinal);
    }
}
