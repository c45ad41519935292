using System.Globalization;
using System.Text;
using FilePipeline.Executions.Graph;
using FilePipeline.Executions.Layout;

namespace FilePipeline.Executions.Tests;

public class LayeredGraphLayoutTests
{
    [Fact]
    public void The_pipeline_graph_has_no_overlapping_nodes_and_no_edge_through_a_node_or_a_label()
    {
        StateMachineGraph graph = StateMachineGraph.Parse(ExecutionFixtures.Definition);

        GraphLayout layout = LayeredGraphLayout.Compute(graph);

        Assert.Equal(graph.States.Count, layout.Nodes.Count);
        Assert.Equal(graph.Root.Edges.Count, layout.Edges.Count);
        LayoutInvariants.AssertReadable(layout, graph);
    }

    [Fact]
    public void The_graph_of_the_pipelines_own_definition_has_no_overlapping_nodes_and_no_edge_through_a_label()
    {
        // The definition shipped in statemachine/, copied next to the binary: the graph people see for every pipeline execution.
        string definition = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "statemachine", "file-processing.asl.json"));
        StateMachineGraph graph = StateMachineGraph.Parse(definition);

        GraphLayout layout = LayeredGraphLayout.Compute(graph);

        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(definition)!["States"]!.AsObject().Count, layout.Nodes.Count);
        Assert.Equal(graph.Root.Edges.Count, layout.Edges.Count);
        LayoutInvariants.AssertReadable(layout, graph);
    }

    [Fact]
    public void The_graph_reads_top_to_bottom_from_StartAt()
    {
        StateMachineGraph graph = StateMachineGraph.Parse(ExecutionFixtures.Definition);

        GraphLayout layout = LayeredGraphLayout.Compute(graph);

        var boxes = layout.Nodes.ToDictionary(n => n.State.Name, n => n.Box);
        Assert.All(boxes, b => Assert.True(boxes["CheckLedger"].Y <= b.Value.Y));
        foreach (GraphEdge edge in graph.Root.Edges)
        {
            Assert.True(boxes[edge.From].Bottom <= boxes[edge.To].Y, $"{edge.From} → {edge.To} does not point down");
        }
    }

    [Fact]
    public void Every_Choice_and_Catch_edge_gets_a_label_and_Next_edges_none()
    {
        GraphLayout layout = LayeredGraphLayout.Compute(StateMachineGraph.Parse(ExecutionFixtures.Definition));

        Assert.All(layout.Edges, e => Assert.Equal(e.Edge.Kind != EdgeKind.Next, e.Label is not null));
        Assert.Contains(layout.Edges, e => e.LabelText == "States.ALL");
        Assert.All(layout.Edges.Where(e => e.LabelText is not null), e => Assert.True(e.LabelText!.Length <= 36));
    }

    [Fact]
    public void Parallel_and_Map_states_are_groups_whose_branch_boxes_hold_their_states()
    {
        StateMachineGraph graph = StateMachineGraph.Parse(StateMachineGraphTests.NestedDefinition);

        GraphLayout layout = LayeredGraphLayout.Compute(graph);

        NodeLayout fanOut = layout.Nodes.Single(n => n.State.Name == "FanOut");
        Assert.Equal(2, fanOut.Branches.Count);
        LayoutBox left = layout.Nodes.Single(n => n.State.Name == "Left").Box;
        LayoutBox eachRow = layout.Nodes.Single(n => n.State.Name == "EachRow").Box;
        LayoutBox check = layout.Nodes.Single(n => n.State.Name == "Check").Box;
        Assert.True(fanOut.Branches[0].Contains(left));
        Assert.True(fanOut.Branches[1].Contains(eachRow));
        Assert.False(fanOut.Branches[0].Overlaps(fanOut.Branches[1]));
        Assert.True(eachRow.Contains(check));
        Assert.Contains(layout.Edges, e => e.Edge.From == "Check" && e.Scope == "EachRow");
        LayoutInvariants.AssertReadable(layout, graph);
    }

    [Fact]
    public void Loops_back_to_an_earlier_state_are_routed_clear_of_every_node()
    {
        StateMachineGraph graph = StateMachineGraph.Parse(StateMachineGraphTests.NestedDefinition);

        GraphLayout layout = LayeredGraphLayout.Compute(graph);

        EdgeLayout loop = layout.Edges.Single(e => e.Edge.From == "Wait" && e.Edge.To == "Start");
        Assert.True(loop.Points[^1].Y < loop.Points[0].Y, "the loop edge should go up to Start");
        LayoutInvariants.AssertReadable(layout, graph);
    }

    [Fact]
    public void Random_definitions_with_loops_choices_and_catches_lay_out_without_overlaps_or_crossed_boxes()
    {
        var random = new Random(20261128);
        for (int round = 0; round < 60; round++)
        {
            StateMachineGraph graph = StateMachineGraph.Parse(RandomDefinition(random, random.Next(2, 16)));

            GraphLayout layout = LayeredGraphLayout.Compute(graph);

            LayoutInvariants.AssertReadable(layout, graph);
        }
    }

    // States named after their index; transitions mostly forward, some back (loops), with Choice rules and Catches.
    private static string RandomDefinition(Random random, int count)
    {
        string Name(int i) => "S" + i.ToString(CultureInfo.InvariantCulture) + new string('x', random.Next(0, 12));
        var names = Enumerable.Range(0, count).Select(Name).ToArray();
        string Target(int from) => names[random.NextDouble() < 0.2 ? random.Next(0, count) : random.Next(Math.Min(from + 1, count - 1), count)];
        var json = new StringBuilder($"{{\"StartAt\":\"{names[0]}\",\"States\":{{");
        for (int i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"{names[i]}\":");
            if (i == count - 1)
            {
                json.Append("{\"Type\":\"Succeed\"}");
            }
            else if (random.NextDouble() < 0.3)
            {
                string rules = string.Join(",", Enumerable.Range(0, random.Next(1, 4)).Select(r =>
                    $"{{\"Variable\":\"$.v{r}\",\"StringEquals\":\"{new string('a', random.Next(1, 30))}\",\"Next\":\"{Target(i)}\"}}"));
                json.Append(CultureInfo.InvariantCulture, $"{{\"Type\":\"Choice\",\"Choices\":[{rules}],\"Default\":\"{Target(i)}\"}}");
            }
            else
            {
                string catches = random.NextDouble() < 0.4
                    ? $",\"Catch\":[{{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"{Target(i)}\"}}]"
                    : "";
                json.Append(CultureInfo.InvariantCulture, $"{{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Next\":\"{Target(i)}\"{catches}}}");
            }
        }

        return json.Append("}}").ToString();
    }
}
