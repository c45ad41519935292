using FilePipeline.Executions.Graph;


namespace FilePipeline.Executions.Tests;

public class StateMachineGraphTests
{
    [Fact]
    public void Next_Choice_Default_and_Catch_transitions_become_edges_with_readable_labels()
    {
        StateMachineGraph graph = StateMachineGraph.Parse(ExecutionFixtures.Definition);
        var edges = graph.Root.Edges;

        Assert.Contains(new GraphEdge("CheckLedger", "AlreadyRecorded", EdgeKind.Next, null), edges);
        Assert.Contains(new GraphEdge("AlreadyRecorded", "ClaimFile", EdgeKind.Default, "Default"), edges);
        Assert.Contains(
            new GraphEdge("AlreadyRecorded", "Duplicate", EdgeKind.Choice, "$.ledger.Item.status.S == \"PROCESSED\" or $.ledger.Item.status.S == \"REJECTED\""),
            edges);
        Assert.Contains(
            new GraphEdge("InspectFile", "RecordRejected", EdgeKind.Catch, "InvalidCsvException, ObjectNotFoundException, FileTooLargeException"),
            edges);
        Assert.Contains(new GraphEdge("InspectFile", "RecordFailure", EdgeKind.Catch, "States.ALL"), edges);
        Assert.Equal(["RecordRejected", "RecordFailure"], graph.States["InspectFile"].CatchTargets);
        Assert.DoesNotContain(edges, e => e.From == "FailProcessing");
    }

    [Fact]
    public void Task_resources_are_shortened_to_the_service_action_or_function_name()
    {
        StateMachineGraph graph = StateMachineGraph.Parse("""
            {"StartAt":"A","States":{
              "A":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Next":"B"},
              "B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:InspectFile","Next":"C"},
              "C":{"Type":"Fail","Error":"Nope","Cause":"because"}}}
            """);

        Assert.Equal("dynamodb:getItem", graph.States["A"].Resource);
        Assert.Equal("lambda:InspectFile", graph.States["B"].Resource);
        Assert.Equal("Nope", graph.States["C"].Error);
        Assert.Equal("because", graph.States["C"].Cause);
    }

    [Fact]
    public void Choice_rules_with_paths_tests_and_negation_are_described_in_words()
    {
        StateMachineGraph graph = StateMachineGraph.Parse("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
              {"Variable":"$.n","NumericGreaterThanEqualsPath":"$.limit","Next":"X"},
              {"Not":{"Variable":"$.flag","IsPresent":true},"Next":"Y"}],"Default":"X"},
              "X":{"Type":"Succeed"},"Y":{"Type":"Succeed"}}}
            """);

        Assert.Contains(graph.Root.Edges, e => e.To == "X" && e.Label == "$.n >= $.limit");
        Assert.Contains(graph.Root.Edges, e => e.To == "Y" && e.Label == "not ($.flag is present)");
    }

    [Fact]
    public void Parallel_branches_and_Map_processors_are_nested_scopes_with_their_parent_recorded()
    {
        StateMachineGraph graph = StateMachineGraph.Parse(NestedDefinition);

        GraphState fanOut = graph.States["FanOut"];
        Assert.True(fanOut.IsGroup);
        Assert.Equal(2, fanOut.Branches.Count);
        Assert.Equal("Left", fanOut.Branches[0].StartAt);
        Assert.Single(graph.States["EachRow"].Branches);
        Assert.Single(graph.States["Legacy"].Branches);
        Assert.Equal("FanOut", graph.Parents["Left"]!.Name);
        Assert.Equal("EachRow", graph.Parents["Check"]!.Name);
        Assert.Equal("FanOut", graph.Parents["EachRow"]!.Name);
        Assert.Null(graph.Parents["FanOut"]);
        Assert.Equal(2, graph.States["Check"].Depth);
        Assert.Contains(new GraphEdge("Check", "Fix", EdgeKind.Catch, "States.ALL"), fanOut.Branches[1].States.Single(s => s.Name == "EachRow").Branches[0].Edges);
    }

    [Fact]
    public void Text_that_is_not_a_definition_is_refused()
    {
        Assert.Throws<FormatException>(() => StateMachineGraph.Parse("""{"States":{}}"""));
        Assert.Throws<FormatException>(() => StateMachineGraph.Parse("[1]"));
        Assert.Throws<FormatException>(() => StateMachineGraph.Parse("""{"StartAt":"A","States":{}}"""));
    }

    internal const string NestedDefinition = """
        {"StartAt":"Start","States":{
          "Start":{"Type":"Pass","Next":"FanOut"},
          "FanOut":{"Type":"Parallel","Next":"Legacy","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Oops"}],"Branches":[
            {"StartAt":"Left","States":{"Left":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"LeftDone"},"LeftDone":{"Type":"Succeed"}}},
            {"StartAt":"EachRow","States":{"EachRow":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"Check","States":{
              "Check":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Ok","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Fix"}]},
              "Fix":{"Type":"Pass","Next":"Ok"},
              "Ok":{"Type":"Succeed"}}}}}}]},
          "Legacy":{"Type":"Map","Next":"Loop","Iterator":{"StartAt":"Inner","States":{"Inner":{"Type":"Pass","End":true}}}},
          "Loop":{"Type":"Choice","Choices":[{"Variable":"$.again","BooleanEquals":true,"Next":"Wait"}],"Default":"Done"},
          "Wait":{"Type":"Wait","Seconds":5,"Next":"Start"},
          "Oops":{"Type":"Fail","Error":"E"},
          "Done":{"Type":"Succeed"}}}
        """;
}
