namespace FilePipeline.States.Tests;

public class JsonPathTests
{
    [Fact]
    public async Task Indexes_wildcards_filters_slices_deep_scan_and_quoted_names_select_as_Jayway_does()
    {
        var output = Harness.Output(await new Harness().RunAsync("pass-jsonpath.json",
            """{"items":[{"name":"a","price":5},{"name":"b","price":15},{"name":"c","price":7}],"odd key":"odd"}"""));
        Harness.AssertJson(
            """{"first":{"name":"a","price":5},"names":["a","b","c"],"cheap":["a","c"],"slice":["a","b"],"deep":[5,15,7],"quoted":"odd"}""",
            output);
    }
}
