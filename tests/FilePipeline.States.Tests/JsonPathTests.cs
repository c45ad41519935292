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

    [Fact]
    public async Task Negative_indexes_unions_filters_and_wildcards_on_objects_work()
    {
        var output = Harness.Output(await new Harness().RunAsync("pass-jsonpath-filters.json",
            """{"items":[{"name":"a","price":5},{"name":"b","price":15,"tag":true},{"name":"c","price":7}],"meta":{"x":1,"y":2}}"""));
        Harness.AssertJson(
            """{"last":"c","union":["a","c"],"above":["b","c"],"named":["b"],"has":["b"],"none":[],"fields":[1,2]}""",
            output);
    }
}
